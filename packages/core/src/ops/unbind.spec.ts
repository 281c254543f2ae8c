import fc from "fast-check";
import { dimAt } from "../shape.js";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { stack } from "./concat.js";
import { unbind } from "./unbind.js";

/** x and an axis; the slices are weighted differently and stacked back, along the same axis. */
const unbindCase = arbShape({ ...small, minRank: 1 }).chain((shape) =>
  fc
    .tuple(
      arbTensor({ shape, min: -3, max: 3 }),
      fc.integer({ min: -shape.length, max: shape.length - 1 }),
    )
    .map(([x, dim]): OpCase => {
      const a = dim < 0 ? dim + shape.length : dim;
      return {
        inputs: [x],
        call: (t) =>
          stack(
            unbind(t, dim).map((s, i) => s.mul(i + 1)),
            a,
          ),
        shape,
        label: `dim=${dim} (${dimAt(shape, a)} slices)`,
      };
    }),
);

export const specs: readonly OpTestSpec[] = [{ op: "unbind", composite: true, cases: unbindCase }];
