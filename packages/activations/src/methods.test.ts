import { tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { gelu, leakyRelu, logSoftmax, prelu, relu, sigmoid, softmax, tanh } from "./index.js";

describe("chained activation methods", () => {
  const x = tensor([[-2, -0.5, 0, 0.7, 3]], { dtype: "float64" });

  it("x.fn(opts) gives exactly fn(x, opts)", () => {
    expect(x.relu().toArray()).toEqual(relu(x).toArray());
    expect(x.sigmoid().toArray()).toEqual(sigmoid(x).toArray());
    expect(x.tanh().toArray()).toEqual(tanh(x).toArray());
    expect(x.leakyRelu({ negativeSlope: 0.2 }).toArray()).toEqual(
      leakyRelu(x, { negativeSlope: 0.2 }).toArray(),
    );
    expect(x.gelu({ approximate: "tanh" }).toArray()).toEqual(
      gelu(x, { approximate: "tanh" }).toArray(),
    );
    expect(x.softmax({ temperature: 0.5 }).toArray()).toEqual(
      softmax(x, { temperature: 0.5 }).toArray(),
    );
    expect(x.logSoftmax().toArray()).toEqual(logSoftmax(x).toArray());
    expect(x.prelu(tensor([0.25], { dtype: "float64" })).toArray()).toEqual(
      prelu(x, tensor([0.25], { dtype: "float64" })).toArray(),
    );
  });

  it("chains and differentiates like the functions", () => {
    const w = tensor([1, 2, 3], { dtype: "float64", requiresGrad: true });
    w.mul(2).sigmoid().sum().backward();
    const s = (v: number) => 1 / (1 + Math.exp(-2 * v));
    const expected = [1, 2, 3].map((v) => 2 * s(v) * (1 - s(v)));
    Array.from(w.grad?.data() ?? []).forEach((g, i) => {
      expect(Math.abs(g - (expected[i] as number))).toBeLessThan(1e-15);
    });
  });
});

describe("methods derived from the activation list", () => {
  it("exist at run time exactly for the activations whose method is on", async () => {
    const { activationList } = await import("./registry.js");
    const t = tensor([1]);
    for (const a of activationList) {
      const has = typeof (t as unknown as Record<string, unknown>)[a.info.name] === "function";
      expect(has, a.info.name).toBe(a.info.method);
    }
    expect(activationList.filter((a) => !a.info.method).map((a) => a.info.name)).toEqual([
      "linear",
    ]);
  });

  it("are typed from the list: options checked, no method where there is none", () => {
    const x = tensor([-1, 2], { dtype: "float64" });
    expect(x.hardtanh({ minVal: 0, maxVal: 1 }).toArray()).toEqual([0, 1]);
    expect(x.softsign().toArray()).toEqual([-0.5, 2 / 3]);
    // @ts-expect-error linear has no method (x.linear would read as nn's Linear)
    expect(() => x.linear()).toThrow(TypeError);
    // @ts-expect-error an unknown option is a type error, and an ArgumentError at run time
    expect(() => x.leakyRelu({ slope: 0.2 })).toThrow(/leakyRelu: unknown option 'slope'/);
  });
});
