import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runIrisMlp } from "./iris-mlp.js";

describe("iris-mlp example", () => {
  const dir = mkdtempSync(join(tmpdir(), "fluxion-iris-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reaches at least 95% cross-validated held-out accuracy and reloads its saved weights exactly", async () => {
    const r = await runIrisMlp({ outDir: dir });
    expect(r.foldAccuracies).toHaveLength(5);
    expect(r.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(statSync(r.path).size).toBeGreaterThan(0);
    expect(r.reloadedAccuracy).toBe(r.savedAccuracy);
  });
});
