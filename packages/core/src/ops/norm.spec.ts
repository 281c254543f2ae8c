import fc from "fast-check";
import { arbShape, arbTensor } from "../testing/index.js";
import { reducedShape, small } from "../testing/op-spec-builders.js";
import type { OpCase, OpTestSpec } from "../testing/spec.js";
import type { NormOrder } from "./norm.js";

/** x (values at least 0.2 from 0, where |x|ᵖ bends), axes to reduce (or all), keepDims, an order. */
function normCases(orders: readonly NormOrder[], distinct: number): fc.Arbitrary<OpCase> {
  return arbShape(small).chain((shape) =>
    fc
      .tuple(
        arbTensor({ shape, min: -3, max: 3, avoid: [0], margin: 0.2, distinct }),
        fc.option(fc.subarray(shape.map((_, i) => i)), { nil: undefined }),
        fc.boolean(),
        fc.constantFrom(...orders),
      )
      .map(
        ([x, axes, keepDims, p]): OpCase => ({
          inputs: [x],
          call: (t) => t.norm(p, axes, keepDims),
          shape: reducedShape(shape, axes, keepDims),
          label: `p=${p}, axes=${JSON.stringify(axes)}, keepDims=${keepDims}`,
        }),
      ),
  );
}

export const specs: readonly OpTestSpec[] = [
  { op: "norm", cases: normCases([2, "fro", 1, 3, 1.5, 0.5, 4.5], 0) },
  // max|x| and min|x| are differentiable where no two |xᵢ| tie: values 0.01 apart and all positive
  // would hide the sign, so ties of |x| and |−x| are avoided by drawing them 0.01 apart in |x|
  {
    op: "norm(p=±Infinity, 0)",
    composite: true,
    cases: normCases([Infinity, -Infinity, 0], 0.01).filter((c) => {
      const a = Array.from(c.inputs[0]?._data ?? [], Math.abs).sort((p, q) => p - q);
      return a.every((v, i) => i === 0 || v - (a[i - 1] as number) > 0.005);
    }),
  },
];
