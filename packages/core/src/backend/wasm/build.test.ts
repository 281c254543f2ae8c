import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The committed kernels.generated.ts must be what the kernel source compiles to today: this
// rebuilds it with the pinned AssemblyScript from the npm registry and compares, so the build is
// reproducible and runs in CI.
describe("wasm kernel build", () => {
  it("kernels.generated.ts is up to date with packages/core/wasm/kernels.ts", () => {
    const script = join(dirname(fileURLToPath(import.meta.url)), "../../../wasm/build.mjs");
    let output = "";
    let failed = false;
    try {
      output = execFileSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    } catch (e) {
      failed = true;
      output = String((e as { stderr?: string }).stderr ?? e);
    }
    expect(failed, output).toBe(false);
    expect(output).toContain("up to date");
  }, 120_000);
});
