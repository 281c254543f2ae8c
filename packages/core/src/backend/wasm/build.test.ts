import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The committed generated files (kernels.generated.ts and both abi.generated.ts) must be what the
// kernel source and wasm/abi.mjs give today: this rebuilds them with the pinned AssemblyScript from
// the npm registry and compares, so the build is reproducible and runs in CI. Four builds take a
// while on a loaded machine, hence the long timeout.
describe("wasm kernel build", () => {
  it("the generated wasm files are up to date with wasm/kernels.ts and wasm/abi.mjs", () => {
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
  }, 600_000);
});
