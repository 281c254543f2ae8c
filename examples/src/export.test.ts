import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runExport } from "./export.js";

describe("export example", () => {
  const dir = mkdtempSync(join(tmpdir(), "fluxion-export-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("ONNX Runtime predicts every held-out flower as Fluxion does (reduced training)", async () => {
    const r = await runExport({ epochs: 20, outDir: dir });
    expect(r.tested).toBe(30);
    expect(r.agreeing).toBe(r.tested);
    expect(r.maxProbabilityDifference).toBeLessThan(1e-5);
    expect(r.fluxionAccuracy).toBeGreaterThan(0.85);
    expect(statSync(r.onnxPath).size).toBeGreaterThan(0);
    expect(statSync(r.safetensorsPath).size).toBeGreaterThan(0);
  });
});
