import fc from "fast-check";
import { dimAt } from "../shape.js";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { permute, transpose } from "./permute.js";

const permuteCase = arbShape({ ...small, minRank: 1, maxRank: 4 }).chain((shape) =>
  fc
    .tuple(
      arbTensor({ shape, min: -3, max: 3 }),
      fc.shuffledSubarray(
        shape.map((_, i) => i),
        { minLength: shape.length, maxLength: shape.length },
      ),
      fc.boolean(),
    )
    .map(([x, perm, neg]): OpCase => {
      const p = neg ? perm.map((a) => a - shape.length) : perm;
      return {
        inputs: [x],
        call: (t) => permute(t, p),
        shape: perm.map((a) => dimAt(shape, a)),
        label: `perm=${JSON.stringify(p)}`,
      };
    }),
);

export const specs: readonly OpTestSpec[] = [
  { op: "permute", cases: permuteCase },
  {
    op: "transpose",
    composite: true,
    cases: arbShape({ ...small, minRank: 2 }).chain((shape) =>
      fc
        .tuple(
          arbTensor({ shape, min: -3, max: 3 }),
          fc.nat(shape.length - 1),
          fc.nat(shape.length - 1),
        )
        .map(([x, a, b]): OpCase => {
          const out = [...shape];
          [out[a], out[b]] = [dimAt(shape, b), dimAt(shape, a)];
          return { inputs: [x], call: (t) => transpose(t, a, b), shape: out, label: `${a}, ${b}` };
        }),
    ),
  },
];
