/**
 * Test specs of every op in @fluxion/core's registry (and of the composite functions built from
 * them): how to draw valid inputs, which output shape to expect (worked out here, not by the op's
 * shape rule), and how far to differentiate. The registry-wide test runs each one.
 */
import {
  argmax,
  argmin,
  clamp,
  concat,
  eq,
  expand,
  flatten,
  gather,
  ge,
  gt,
  indexSelect,
  le,
  logSumExp,
  lt,
  matmul,
  maximum,
  mean,
  minimum,
  ne,
  permute,
  type SliceRange,
  scatterAdd,
  slice,
  sliceScatter,
  squeeze,
  stack,
  std,
  type Tensor,
  tensor,
  transpose,
  unsqueeze,
  variance,
  where,
} from "@fluxion/core";
import {
  arbBroadcastableShapes,
  arbShape,
  arbTensor,
  type OpCase,
  type OpTestSpec,
} from "@fluxion/core/testing";
import fc from "fast-check";

type Shape = readonly number[];

/** Small shapes: the elementwise Jacobian check is quadratic in the size. */
const small = { maxRank: 3, maxDim: 3 } as const;

const size = (s: Shape) => s.reduce((p, d) => p * d, 1);

/** Values on a grid offset by `offset` plus noise below 0.2: two grids never come within 0.1. */
function arbGrid(shape: Shape, offset: number): fc.Arbitrary<Tensor> {
  return fc
    .array(
      fc.tuple(fc.integer({ min: -2, max: 2 }), fc.double({ min: -0.2, max: 0.2, noNaN: true })),
      {
        minLength: size(shape),
        maxLength: size(shape),
      },
    )
    .map((vs) => tensor(Float64Array.from(vs.map(([k, u]) => k + offset + u)), { shape }));
}

/** Integer-valued float64 tensors (so eq/ne see equal values as well as different ones). */
function arbIntegral(shape: Shape): fc.Arbitrary<Tensor> {
  return arbTensor({ shape, dtype: "int32", min: -2, max: 2 }).map((t) => t.double());
}

interface UnaryOptions {
  min?: number;
  max?: number;
  avoid?: readonly number[];
  order?: 0 | 1 | 2;
  label?: string;
}

function unary(op: string, call: (x: Tensor) => Tensor, o: UnaryOptions = {}): OpTestSpec {
  return {
    op,
    ...(o.order === undefined ? {} : { order: o.order }),
    cases: arbTensor({
      shape: arbShape(small),
      min: o.min ?? -3,
      max: o.max ?? 3,
      ...(o.avoid ? { avoid: o.avoid, margin: 1e-2 } : {}),
    }).map((x): OpCase => ({ inputs: [x], call, shape: x.shape })),
  };
}

type Draw = (shape: Shape) => fc.Arbitrary<Tensor>;

function binary(
  op: string,
  call: (a: Tensor, b: Tensor) => Tensor,
  drawA: Draw,
  drawB: Draw,
  extra: Partial<OpTestSpec> = {},
): OpTestSpec {
  return {
    op,
    ...extra,
    cases: arbBroadcastableShapes(2, small).chain(([out, sa, sb]) =>
      fc.tuple(drawA(sa as Shape), drawB(sb as Shape)).map(
        ([a, b]): OpCase => ({
          inputs: [a, b],
          call,
          shape: out,
          ...(extra.order === 0 ? { dtype: "int32" } : {}),
        }),
      ),
    ),
  };
}

const anyValue: Draw = (shape) => arbTensor({ shape, min: -3, max: 3 });

function comparison(op: string, call: (a: Tensor, b: Tensor) => Tensor): OpTestSpec {
  return binary(op, call, arbIntegral, arbIntegral, { order: 0 });
}

/** A shape with a subset of its axes to reduce (undefined: all), and keepDims. */
const arbReduction = (minDim = 1) =>
  arbShape({ ...small, minDim }).chain((shape) =>
    fc.tuple(
      fc.constant(shape),
      fc.option(fc.subarray(shape.map((_, i) => i)), { nil: undefined }),
      fc.boolean(),
      fc.boolean(),
    ),
  );

function reducedShape(
  shape: Shape,
  axes: readonly number[] | undefined,
  keepDims: boolean,
): number[] {
  const all = axes ?? shape.map((_, i) => i);
  return shape.flatMap((d, i) => (all.includes(i) ? (keepDims ? [1] : []) : [d]));
}

/** Axes written with negative numbers half of the time (the op must normalise them). */
const signed = (axes: readonly number[] | undefined, rank: number, neg: boolean) =>
  axes === undefined || !neg ? axes : axes.map((a) => a - rank);

function reduction(
  op: string,
  call: (x: Tensor, axes: readonly number[] | undefined, keepDims: boolean) => Tensor,
  values: { min?: number; max?: number; distinct?: number; minDim?: number } = {},
  extra: Partial<OpTestSpec> = {},
): OpTestSpec {
  return {
    op,
    ...extra,
    cases: arbReduction(values.minDim).chain(([shape, axes, keepDims, neg]) =>
      arbTensor({
        shape,
        min: values.min ?? -3,
        max: values.max ?? 3,
        distinct: values.distinct ?? 0,
      }).map((x): OpCase => {
        const ax = signed(axes, shape.length, neg);
        return {
          inputs: [x],
          call: (t) => call(t, ax, keepDims),
          shape: reducedShape(shape, axes, keepDims),
          label: `axes=${JSON.stringify(ax)}, keepDims=${keepDims}`,
        };
      }),
    ),
  };
}

function argReduction(
  op: string,
  call: (x: Tensor, axis: number | undefined, keepDims: boolean) => Tensor,
): OpTestSpec {
  return {
    op,
    order: 0,
    cases: arbShape({ ...small, minRank: 1 }).chain((shape) =>
      fc
        .tuple(
          arbTensor({ shape, min: -3, max: 3 }),
          fc.option(fc.integer({ min: -shape.length, max: shape.length - 1 }), { nil: undefined }),
          fc.boolean(),
        )
        .map(([x, axis, keepDims]): OpCase => {
          const a = axis === undefined ? undefined : (axis + shape.length) % shape.length;
          return {
            inputs: [x],
            call: (t) => call(t, axis, keepDims),
            shape:
              a === undefined
                ? keepDims
                  ? shape.map(() => 1)
                  : []
                : reducedShape(shape, [a], keepDims),
            dtype: "int32",
            label: `axis=${axis}, keepDims=${keepDims}`,
          };
        }),
    ),
  };
}

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

const matmulCase = fc
  .tuple(
    arbBroadcastableShapes(2, { maxRank: 2, maxDim: 2 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }),
    fc.constantFrom("batched", "vector-left", "vector-right", "vectors"),
    fc.boolean(),
    fc.boolean(),
  )
  .chain(([[batch, ba, bb], m, k, n, kind, tA, tB]) => {
    // transposes apply to matrix operands only; a transposed operand is drawn in transposed shape
    const transposeA = tA && kind !== "vector-left" && kind !== "vectors";
    const transposeB = tB && kind !== "vector-right" && kind !== "vectors";
    const sa =
      kind === "vector-left" || kind === "vectors"
        ? [k]
        : [...(ba as number[]), ...(transposeA ? [k, m] : [m, k])];
    const sb =
      kind === "vector-right" || kind === "vectors"
        ? [k]
        : [...(bb as number[]), ...(transposeB ? [n, k] : [k, n])];
    const out =
      kind === "vectors"
        ? []
        : kind === "vector-left"
          ? [...(bb as number[]), n]
          : kind === "vector-right"
            ? [...(ba as number[]), m]
            : [...batch, m, n];
    return fc
      .tuple(arbTensor({ shape: sa, min: -2, max: 2 }), arbTensor({ shape: sb, min: -2, max: 2 }))
      .map(
        ([a, b]): OpCase => ({
          inputs: [a, b],
          call: (x, y) => matmul(x, y, { transposeA, transposeB }),
          shape: out,
          label: `${kind}${transposeA ? ", transposeA" : ""}${transposeB ? ", transposeB" : ""}`,
        }),
      );
  });

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
        shape: perm.map((a) => shape[a] as number),
        label: `perm=${JSON.stringify(p)}`,
      };
    }),
);

const expandCase = arbBroadcastableShapes(1, small).chain(([, src]) =>
  fc
    .tuple(arbTensor({ shape: src as number[], min: -3, max: 3 }), fc.integer({ min: 1, max: 3 }))
    .map(([x, lead]): OpCase => {
      const s = src as number[];
      // a new leading axis of size `lead`; every size-1 axis grows to 2, the others stay (-1)
      const target = [lead, ...s.map((d) => (d === 1 ? 2 : d))];
      const spec = [lead, ...s.map((d) => (d === 1 ? 2 : -1))];
      return {
        inputs: [x],
        call: (t) => expand(t, spec),
        shape: target,
        label: `to ${JSON.stringify(spec)}`,
      };
    }),
);

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

/** x, an axis, and an int32 index of x's rank: no larger than x off the axis, any length along it. */
const gatherInputs = arbShape({ ...small, minRank: 1 }).chain((shape) =>
  fc
    .integer({ min: 0, max: shape.length - 1 })
    .chain((axis) =>
      fc
        .tuple(
          ...shape.map((d, k) =>
            k === axis ? fc.integer({ min: 1, max: 4 }) : fc.integer({ min: 1, max: d }),
          ),
        )
        .chain((ishape) =>
          fc.tuple(
            arbTensor({ shape, min: -3, max: 3 }),
            fc.constant(axis),
            arbTensor({ shape: ishape, dtype: "int32", min: 0, max: (shape[axis] as number) - 1 }),
            fc.boolean(),
          ),
        ),
    ),
);

const gatherCase = gatherInputs.map(([x, axis, index, neg]): OpCase => {
  const a = neg ? axis - x.ndim : axis;
  return {
    inputs: [x, index],
    call: (t, i) => gather(t, a, i as Tensor),
    shape: index.shape,
    label: `axis=${a}`,
  };
});

const scatterAddCase = gatherInputs.chain(([x, axis, index]) =>
  arbTensor({ shape: index.shape, min: -3, max: 3 }).map(
    (src): OpCase => ({
      inputs: [x, index, src],
      call: (b, i, s) => scatterAdd(b, axis, i as Tensor, s as Tensor),
      shape: x.shape,
      label: `axis=${axis}`,
    }),
  ),
);

const indexSelectCase = arbShape({ ...small, minRank: 1 }).chain((shape) =>
  fc
    .tuple(fc.integer({ min: 0, max: shape.length - 1 }), fc.integer({ min: 1, max: 4 }))
    .chain(([axis, n]) =>
      fc
        .tuple(
          arbTensor({ shape, min: -3, max: 3 }),
          arbTensor({ shape: [n], dtype: "int32", min: 0, max: (shape[axis] as number) - 1 }),
        )
        .map(
          ([x, index]): OpCase => ({
            inputs: [x, index],
            call: (t, i) => indexSelect(t, axis, i as Tensor),
            shape: shape.map((d, k) => (k === axis ? n : d)),
            label: `axis=${axis}`,
          }),
        ),
    ),
);

const whereCase = arbBroadcastableShapes(3, small).chain(([out, sc, sa, sb]) =>
  fc
    .tuple(
      arbTensor({ shape: sc as number[], dtype: "int32", min: 0, max: 1 }),
      arbTensor({ shape: sa as number[], min: -3, max: 3 }),
      arbTensor({ shape: sb as number[], min: -3, max: 3 }),
    )
    .map(
      ([c, a, b]): OpCase => ({
        inputs: [c, a, b],
        call: (ct, at, bt) => where(ct, at, bt),
        shape: out,
      }),
    ),
);

/** clamp with a lower bound, an upper bound, or both; x is kept 0.01 away from each bound. */
const clampCase = fc
  .tuple(
    fc.option(fc.double({ min: -2, max: 0, noNaN: true }), { nil: undefined }),
    fc.option(fc.double({ min: 0.1, max: 2, noNaN: true }), { nil: undefined }),
  )
  .chain(([lo, hi]) =>
    arbTensor({
      shape: arbShape(small),
      min: -3,
      max: 3,
      avoid: [lo, hi].filter((b): b is number => b !== undefined),
      margin: 1e-2,
    }).map(
      (x): OpCase => ({
        inputs: [x],
        call: (t) => clamp(t, lo, hi),
        shape: x.shape,
        label: `min=${lo}, max=${hi}`,
      }),
    ),
  );

/** Variance-like reductions over axes holding at least 2 distinct values (std is smooth there). */
function varianceSpec(op: string, fn: typeof variance): OpTestSpec {
  return {
    op,
    composite: true,
    cases: arbShape({ ...small, minRank: 1, minDim: 2 }).chain((shape) =>
      fc
        .tuple(
          arbTensor({ shape, min: -3, max: 3, distinct: 0.1 }),
          fc.option(
            fc.subarray(
              shape.map((_, i) => i),
              { minLength: 1 },
            ),
            { nil: undefined },
          ),
          fc.constantFrom(0, 1),
          fc.boolean(),
        )
        .map(
          ([x, axes, correction, keepDims]): OpCase => ({
            inputs: [x],
            call: (t) => fn(t, axes, { correction, keepDims }),
            shape: reducedShape(shape, axes, keepDims),
            label: `axes=${JSON.stringify(axes)}, correction=${correction}, keepDims=${keepDims}`,
          }),
        ),
    ),
  };
}

/** Not an integer or a half-integer in [−3, 3]: where the rounding ops jump. */
const roundingJumps = Array.from({ length: 13 }, (_, i) => -3 + i / 2);

/** A 0/1 test of one input (isnan): values include NaN and ±Infinity; int32 out, no gradient. */
function unaryTest(op: string, call: (x: Tensor) => Tensor): OpTestSpec {
  return {
    op,
    order: 0,
    cases: arbShape(small).chain((shape) =>
      fc
        .array(fc.constantFrom(0, 1.5, -2, Number.NaN, Number.POSITIVE_INFINITY, -Infinity), {
          minLength: size(shape),
          maxLength: size(shape),
        })
        .map(
          (vs): OpCase => ({
            inputs: [tensor(Float64Array.from(vs), { shape })],
            call,
            shape,
            dtype: "int32",
          }),
        ),
    ),
  };
}

/** Dividends k + ½ + u (|u| < 0.2, k in −2..2) and divisors in [3.2, 3.5]: a/b is never integral. */
const dividend: Draw = (s) => arbGrid(s, 0.5);
const divisor: Draw = (s) => arbTensor({ shape: s, min: 3.2, max: 3.5 });

/** Every op registered by @fluxion/core, plus composites worth the same checks. */
export const coreSpecs: readonly OpTestSpec[] = [
  // elementwise, one input
  unary("neg", (x) => x.neg()),
  unary("clone", (x) => x.clone()),
  unary("exp", (x) => x.exp()),
  unary("expm1", (x) => x.expm1()),
  unary("log", (x) => x.log(), { min: 0.1, max: 5 }),
  unary("log1p", (x) => x.log1p(), { min: -0.9, max: 5 }),
  unary("sqrt", (x) => x.sqrt(), { min: 0.1, max: 5 }),
  unary("abs", (x) => x.abs(), { avoid: [0] }),
  // sign's rule is the constant 0: there is nothing to differentiate a second time
  unary("sign", (x) => x.sign(), { avoid: [0], order: 1 }),
  { op: "clamp", cases: clampCase },
  unary("sin", (x) => x.sin()),
  unary("cos", (x) => x.cos()),
  unary("tan", (x) => x.tan(), { min: -1.2, max: 1.2 }),
  unary("sinh", (x) => x.sinh()),
  unary("cosh", (x) => x.cosh()),
  unary("atan", (x) => x.atan()),
  unary("asin", (x) => x.asin(), { min: -0.9, max: 0.9 }),
  unary("acos", (x) => x.acos(), { min: -0.9, max: 0.9 }),
  unary("asinh", (x) => x.asinh()),
  unary("acosh", (x) => x.acosh(), { min: 1.2, max: 5 }),
  unary("atanh", (x) => x.atanh(), { min: -0.9, max: 0.9 }),
  unary("reciprocal", (x) => x.reciprocal(), { min: 0.3, max: 3 }),
  unary("rsqrt", (x) => x.rsqrt(), { min: 0.3, max: 5 }),
  unary("square", (x) => x.square()),
  unary("erf", (x) => x.erf()),
  unary("erfc", (x) => x.erfc()),
  unary("erfinv", (x) => x.erfinv(), { min: -0.9, max: 0.9 }),
  unary("log2", (x) => x.log2(), { min: 0.1, max: 5 }),
  unary("log10", (x) => x.log10(), { min: 0.1, max: 5 }),
  unary("exp2", (x) => x.exp2()),
  // the rounding ops' rule is the constant 0: nothing to differentiate a second time
  unary("floor", (x) => x.floor(), { avoid: roundingJumps, order: 1 }),
  unary("ceil", (x) => x.ceil(), { avoid: roundingJumps, order: 1 }),
  unary("round", (x) => x.round(), { avoid: roundingJumps, order: 1 }),
  unary("trunc", (x) => x.trunc(), { avoid: roundingJumps, order: 1 }),
  { ...unary("frac", (x) => x.frac(), { avoid: roundingJumps }), composite: true },
  unaryTest("isnan", (x) => x.isnan()),
  unaryTest("isinf", (x) => x.isinf()),
  unaryTest("isfinite", (x) => x.isfinite()),
  {
    ...unary("nanToNum", (x) => x.nanToNum()),
    composite: true,
  },
  { ...unary("logit", (x) => x.logit(), { min: 0.1, max: 0.9 }), composite: true },
  binary(
    "atan2",
    (y, x) => y.atan2(x),
    // y away from 0: atan2 jumps by 2π across the negative x axis
    (s) => arbTensor({ shape: s, min: -3, max: 3, avoid: [0], margin: 0.5 }),
    (s) => arbTensor({ shape: s, min: -3, max: 3, avoid: [0], margin: 0.5 }),
  ),
  binary(
    "hypot",
    (a, b) => a.hypot(b),
    (s) => arbTensor({ shape: s, min: -3, max: 3, avoid: [0], margin: 0.5 }),
    anyValue,
  ),
  binary("logaddexp", (a, b) => a.logaddexp(b), anyValue, anyValue),
  binary(
    "xlogy",
    (x, y) => x.xlogy(y),
    anyValue,
    (s) => arbTensor({ shape: s, min: 0.2, max: 3 }),
  ),
  binary("fmod", (a, b) => a.fmod(b), dividend, divisor),
  binary("remainder", (a, b) => a.remainder(b), dividend, divisor),
  binary("lerp", (a, b) => a.lerp(b, b.mul(0.1).add(0.5)), anyValue, anyValue, { composite: true }),
  // float64 → float32 → float64: the float32 rounding needs a coarser finite-difference step
  {
    ...unary("cast", (x) => x.to("float32").to("float64")),
    gradcheck: { eps: 1e-3, atol: 1e-4 },
  },
  // elementwise, two broadcast inputs
  binary("add", (a, b) => a.add(b), anyValue, anyValue),
  binary("sub", (a, b) => a.sub(b), anyValue, anyValue),
  binary("mul", (a, b) => a.mul(b), anyValue, anyValue),
  binary(
    "div",
    (a, b) => a.div(b),
    anyValue,
    (s) => arbTensor({ shape: s, min: -3, max: 3, avoid: [0], margin: 0.5 }),
  ),
  binary(
    "pow",
    (a, b) => a.pow(b),
    (s) => arbTensor({ shape: s, min: 0.5, max: 3 }),
    (s) => arbTensor({ shape: s, min: -2, max: 2 }),
  ),
  // the two grids stay 0.1 apart: no ties, where max/min are not differentiable
  binary(
    "maximum",
    (a, b) => maximum(a, b),
    (s) => arbGrid(s, 0),
    (s) => arbGrid(s, 0.5),
  ),
  binary(
    "minimum",
    (a, b) => minimum(a, b),
    (s) => arbGrid(s, 0),
    (s) => arbGrid(s, 0.5),
  ),
  { op: "where", cases: whereCase },
  comparison("eq", (a, b) => eq(a, b)),
  comparison("ne", (a, b) => ne(a, b)),
  comparison("lt", (a, b) => lt(a, b)),
  comparison("le", (a, b) => le(a, b)),
  comparison("gt", (a, b) => gt(a, b)),
  comparison("ge", (a, b) => ge(a, b)),
  // reductions
  reduction("sum", (x, axes, keepDims) => x.sum(axes, keepDims), { minDim: 0 }),
  // values 0.01 apart: no ties, where max/min are not differentiable
  reduction("max", (x, axes, keepDims) => x.max(axes, keepDims), { distinct: 0.01 }),
  reduction("min", (x, axes, keepDims) => x.min(axes, keepDims), { distinct: 0.01 }),
  reduction("mean", (x, axes, keepDims) => mean(x, axes, keepDims), {}, { composite: true }),
  reduction(
    "logSumExp",
    (x, axes, keepDims) => logSumExp(x, axes, keepDims),
    {},
    { composite: true },
  ),
  varianceSpec("variance", variance),
  varianceSpec("std", std),
  argReduction("argmax", (x, axis, keepDims) => argmax(x, axis, keepDims)),
  argReduction("argmin", (x, axis, keepDims) => argmin(x, axis, keepDims)),
  // linear algebra
  { op: "matmul", cases: matmulCase },
  // movement
  { op: "reshape", cases: reshapeCase },
  { op: "permute", cases: permuteCase },
  { op: "expand", cases: expandCase },
  { op: "concat", cases: concatCase },
  { op: "slice", cases: sliceCase },
  { op: "sliceScatter", cases: sliceScatterCase },
  { op: "gather", cases: gatherCase },
  { op: "scatterAdd", cases: scatterAddCase },
  { op: "stack", composite: true, cases: stackCase },
  { op: "indexSelect", composite: true, cases: indexSelectCase },
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
          [out[a], out[b]] = [shape[b] as number, shape[a] as number];
          return { inputs: [x], call: (t) => transpose(t, a, b), shape: out, label: `${a}, ${b}` };
        }),
    ),
  },
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
