import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMnistMlp } from "./mnist-mlp.js";

describe("mnist-mlp example (reduced: 60 digits per class, 3 epochs)", () => {
  const dir = mkdtempSync(join(tmpdir(), "fluxion-mnist-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("learns digits far above chance and reloads the saved model exactly", async () => {
    const r = await runMnistMlp({ perClass: 60, epochs: 3, outDir: dir });
    expect(r.trainSize).toBe(480);
    expect(r.testSize).toBe(120);
    expect(r.losses).toHaveLength(3);
    expect(r.losses[2]).toBeLessThan(r.losses[0] as number);
    expect(r.testAccuracy).toBeGreaterThan(0.6); // chance is 0.1
    expect(r.reloadedAccuracy).toBe(r.testAccuracy);
    expect(r.reloadedMaxLogitDiff).toBe(0);
  }, 180_000); // a few seconds on an idle machine; far more when the cores are shared

  it("rejects a bad number of epochs", async () => {
    await expect(runMnistMlp({ epochs: 0, outDir: dir })).rejects.toThrow(
      /runMnistMlp: options.epochs must be a positive integer, got 0/,
    );
  });
});
