import fc from "fast-check";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { concat, stack } from "./concat.js";

const concatCase = fc
  .tuple(
    arbShape({ ...small, minRank: 1 }),
    fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 3 }),
  )
  .chain(([shape, lengths]) =>
    fc.integer({ min: -shape.length, max: shape.length - 1 }).chain((axis) => {
      const a = (axis + shape.length) % shape.length;
      const shapes = lengths.map((l) => shape.map((d, i) => (i === a ? l : d)));
      return fc.tuple(...shapes.map((s) => arbTensor({ shape: s, min: -3, max: 3 }))).map(
        (xs): OpCase => ({
          inputs: xs,
          call: (...ts) => concat(ts, axis),
          shape: shape.map((d, i) => (i === a ? lengths.reduce((p, l) => p + l, 0) : d)),
          label: `axis=${axis}`,
        }),
      );
    }),
  );

const stackCase = fc.tuple(arbShape(small), fc.integer({ min: 2, max: 3 })).chain(([shape, n]) =>
  fc
    .tuple(
      fc.array(arbTensor({ shape, min: -3, max: 3 }), { minLength: n, maxLength: n }),
      fc.integer({ min: -shape.length - 1, max: shape.length }),
    )
    .map(([xs, axis]): OpCase => {
      const a = axis < 0 ? axis + shape.length + 1 : axis;
      return {
        inputs: xs,
        call: (...ts) => stack(ts, axis),
        shape: [...shape.slice(0, a), n, ...shape.slice(a)],
        label: `axis=${axis}`,
      };
    }),
);

export const specs: readonly OpTestSpec[] = [
  { op: "concat", cases: concatCase },
  { op: "stack", composite: true, cases: stackCase },
];
