import fc from "fast-check";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import { type Shape, small } from "../testing/op-spec-builders.js";
import type { OpTestSpec } from "../testing/spec.js";
import { type SliceRange, slice, sliceScatter } from "./slice.js";

/** A random slice of every axis: whole, an index (possibly negative), or [start, end, step]. */
const arbRanges = (shape: Shape): fc.Arbitrary<SliceRange[]> =>
  fc.tuple(
    ...shape.map((n) =>
      fc.oneof(
        fc.constant<SliceRange>(null),
        fc.integer({ min: -n, max: n - 1 }),
        fc.tuple(
          fc.option(fc.integer({ min: -n - 1, max: n + 1 }), { nil: null }),
          fc.option(fc.integer({ min: -n - 1, max: n + 1 }), { nil: null }),
          fc.integer({ min: 1, max: 3 }),
        ) as fc.Arbitrary<SliceRange>,
      ),
    ),
  ) as fc.Arbitrary<SliceRange[]>;

/**
 * The shape a slice selects, from JavaScript's own Array.prototype.slice (whose treatment of
 * negative and out-of-range bounds is Python's), independent of core's normalisation.
 */
function slicedShape(
  shape: Shape,
  ranges: readonly SliceRange[],
): [kept: number[], full: number[]] {
  const kept: number[] = [];
  const full: number[] = [];
  shape.forEach((n, i) => {
    const r = ranges[i];
    const idx = Array.from({ length: n }, (_, k) => k);
    if (typeof r === "number") {
      full.push(1);
      return;
    }
    const [s, e, st] = r ?? [null, null, 1];
    const picked = idx.slice(s ?? 0, e ?? n).filter((_, k) => k % (st ?? 1) === 0).length;
    kept.push(picked);
    full.push(picked);
  });
  return [kept, full];
}

const sliceCase = arbShape({ ...small, minRank: 1, maxDim: 4 }).chain((shape) =>
  fc.tuple(arbTensor({ shape, min: -3, max: 3 }), arbRanges(shape)).map(
    ([x, ranges]): OpCase => ({
      inputs: [x],
      call: (t) => slice(t, ranges),
      shape: slicedShape(shape, ranges)[0],
      label: JSON.stringify(ranges),
    }),
  ),
);

const sliceScatterCase = arbShape({ ...small, minRank: 1, maxDim: 4 }).chain((shape) =>
  arbRanges(shape).chain((ranges) => {
    const part = slicedShape(shape, ranges)[0];
    return fc
      .tuple(arbTensor({ shape, min: -3, max: 3 }), arbTensor({ shape: part, min: -3, max: 3 }))
      .map(
        ([x, src]): OpCase => ({
          inputs: [x, src],
          call: (t, s) => sliceScatter(t, s, ranges),
          shape,
          label: JSON.stringify(ranges),
        }),
      );
  }),
);

export const specs: readonly OpTestSpec[] = [
  { op: "slice", cases: sliceCase },
  { op: "sliceScatter", cases: sliceScatterCase },
];
