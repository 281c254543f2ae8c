import { describe, expect, it } from "vitest";
import { formatReport, runDeepActivations } from "./deep-activations.js";

describe("deep-activations example (reduced)", () => {
  const r = runDeepActivations({
    vanishingDepth: 6,
    deadEpochs: 3,
    depths: [4, 8],
    depthEpochs: 2,
    seluLayers: 10,
  });

  it("measures a gradient norm per layer and reports sigmoid's gradients vanishing faster than tanh's", () => {
    const ratio = (a: string) => {
      const n = r.vanishing.find((v) => v.activation === a)?.norms as number[];
      expect(n).toHaveLength(7);
      return (n[0] as number) / (n[n.length - 1] as number);
    };
    expect(ratio("sigmoid")).toBeLessThan(ratio("tanh"));
  });

  it("tracks dead units per epoch; leaky ReLU never has a unit without gradient", () => {
    for (const d of r.dead) {
      expect(d.perEpoch).toHaveLength(3);
      expect(d.diverged).toBe(false);
    }
    expect(r.dead.find((d) => d.activation === "leakyRelu")?.perEpoch.every((f) => f === 0)).toBe(
      true,
    );
  });

  it("compares relu and swish at every depth, and SELU keeps zero mean and unit variance", () => {
    expect(r.depth.map((d) => `${d.activation}@${d.depth}`).sort()).toEqual([
      "relu@4",
      "relu@8",
      "swish@4",
      "swish@8",
    ]);
    const selu = r.selfNormalising.filter((s) => s.activation === "selu");
    expect(selu.map((s) => s.layer)).toEqual([1, 10]);
    for (const s of selu) {
      expect(Math.abs(s.mean)).toBeLessThan(0.1);
      expect(Math.abs(s.std - 1)).toBeLessThan(0.15);
    }
    expect(formatReport(r)).toContain("layer 10");
  });
});
