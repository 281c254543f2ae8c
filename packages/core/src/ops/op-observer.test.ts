import { describe, expect, it } from "vitest";
import { defineOp, type OpCall, observeOps, type Tensor, tensor } from "../index.js";

function first(inputs: readonly Tensor[]): Tensor {
  const x = inputs[0];
  if (!x) throw new Error("no input");
  return x;
}

describe("observeOps", () => {
  it("reports each op call of the program in order, with inputs, attrs and output", () => {
    const calls: OpCall[] = [];
    const x = tensor([1, 2, 3]);
    const y = observeOps(
      (c) => calls.push(c),
      () => x.mul(2).sum(),
    );
    expect(calls.map((c) => c.def.name)).toEqual(["mul", "sum"]);
    expect(calls[0]?.inputs[0]).toBe(x);
    expect(calls[1]?.output).toBe(y);
    expect(calls[1]?.attrs).toEqual({ axes: [0], keepDims: false });
  });

  it("does not report the ops a user op's forward runs, only the user op", () => {
    const square = defineOp({
      name: "opObserverTestSquare",
      shape: (inputs) => first(inputs).shape,
      compute: (inputs) => first(inputs).mul(first(inputs)),
    });
    const names: string[] = [];
    observeOps(
      (c) => names.push(c.def.name),
      () => square([tensor([3])], {}).neg(),
    );
    expect(names).toEqual(["opObserverTestSquare", "neg"]);
  });

  it("stops observing when fn returns or throws, and nests", () => {
    const outer: string[] = [];
    const inner: string[] = [];
    observeOps(
      (c) => outer.push(c.def.name),
      () => {
        tensor([1]).exp();
        observeOps(
          (c) => inner.push(c.def.name),
          () => tensor([1]).neg(),
        );
      },
    );
    expect(() =>
      observeOps(
        () => undefined,
        () => {
          throw new Error("boom");
        },
      ),
    ).toThrow("boom");
    tensor([1]).log();
    expect(outer).toEqual(["exp", "neg"]);
    expect(inner).toEqual(["neg"]);
  });
});
