import fc from "fast-check";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { size, small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { flatten, squeeze, unsqueeze } from "./reshape.js";

/** A shape's axes regrouped: the same sizes in another order, one of them maybe written as -1. */
const reshapeCase = arbShape({ ...small, maxRank: 4 }).chain((shape) =>
  fc
    .tuple(
      arbTensor({ shape, min: -3, max: 3 }),
      fc.shuffledSubarray([...shape, 1], {
        minLength: shape.length + 1,
        maxLength: shape.length + 1,
      }),
      fc.option(fc.nat(shape.length), { nil: undefined }),
    )
    .map(([x, target, inferred]): OpCase => {
      const spec = target.map((d, i) => (i === inferred && d !== 0 ? -1 : d));
      return {
        inputs: [x],
        call: (t) => t.reshape(spec),
        shape: target,
        label: `to ${JSON.stringify(spec)}`,
      };
    }),
);

export const specs: readonly OpTestSpec[] = [
  { op: "reshape", cases: reshapeCase },
  {
    op: "squeeze/unsqueeze/flatten",
    composite: true,
    cases: arbShape({ ...small, minRank: 1 }).chain((shape) =>
      fc.tuple(arbTensor({ shape, min: -3, max: 3 }), fc.nat(shape.length)).map(
        ([x, a]): OpCase => ({
          inputs: [x],
          call: (t) => flatten(squeeze(unsqueeze(t, a), a)),
          shape: [size(shape)],
          label: `axis=${a}`,
        }),
      ),
    ),
  },
];
