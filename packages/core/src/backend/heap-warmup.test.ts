import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const PAGES_PER_ARRAY = (4 << 20) / 4096;
const ARRAYS = 4;
const ROUNDS = 16;

// A child process (its own malloc state, and gc()) makes four 4 MB arrays, drops them and collects,
// ROUNDS times, and counts the page faults of making them again after each collection: the arrays
// are faulted in afresh when malloc gave their memory back to the system.
//
// The child frees array memory inside gc() (--no-concurrent-array-buffer-sweeping). V8 otherwise
// frees it on a background thread, and on a busy machine those frees may still be pending when the
// next arrays are made: the heap then grows instead of being trimmed, and the counts depend on the
// load (a control run of 16 collections faulted in 5,133 pages in one CI run, against 65,000 here).
const child = `
const { warmUpHeap } = await import(process.argv[1]);
if (process.argv[2] === "warm" && !warmUpHeap()) throw new Error("warmUpHeap did nothing");
gc();
const make = () => Array.from({ length: ${ARRAYS} }, () => new Float32Array(1 << 20).fill(1));
let faults = 0;
make();
gc();
for (let round = 0; round < ${ROUNDS}; round++) {
  const before = process.resourceUsage().minorPageFault;
  make();
  faults += process.resourceUsage().minorPageFault - before;
  gc();
}
console.log(faults);
`;

function pageFaults(mode: "warm" | "cold"): number {
  const module = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "heap-warmup.ts"));
  const out = execFileSync(
    process.execPath,
    [
      "--expose-gc",
      "--no-concurrent-array-buffer-sweeping",
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      child,
      module.href,
      mode,
    ],
    { encoding: "utf8", env: { ...process.env, FLUXION_HEAP_WARMUP: "" } },
  );
  return Number(out.trim());
}

const glibc =
  process.platform === "linux" &&
  !!(process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)
    ?.header?.glibcVersionRuntime;

describe("warmUpHeap", () => {
  it.runIf(glibc)(
    "keeps freed 4 MB arrays mapped: remaking them after a collection faults in (almost) no pages",
    () => {
      const pages = PAGES_PER_ARRAY * ARRAYS * ROUNDS;
      const cold = pageFaults("cold");
      const warm = pageFaults("warm");
      // without it, glibc gives the 16 MB back at every collection (the control: it must, about
      // 65,000 pages here); with it, the arrays reuse the same memory (a handful of pages)
      expect(cold).toBeGreaterThan(pages / 2);
      expect(warm).toBeLessThan(pages / 16);
    },
    60_000,
  );
});
