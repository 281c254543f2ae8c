import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Linear, ReLU, Sequential } from "../index.js";

describe("console.log of a module", () => {
  it("prints the module tree, as toString does, not the fields", () => {
    const net = new Sequential(new Linear(2, 3), new ReLU());
    expect(inspect(net)).toBe(
      [
        "Sequential(",
        "  (0): Linear(inFeatures=2, outFeatures=3, bias=true)",
        "  (1): ReLU()",
        ")",
      ].join("\n"),
    );
    expect(inspect({ model: new Linear(1, 1) })).toContain("Linear(inFeatures=1, outFeatures=1");
  });
});
