/** ONNX lowerings of @fluxion/core's ops. */
import type { DType } from "@fluxion/core";
import type { OnnxLowering, OnnxLoweringContext } from "../types.js";
import { commonDType, elementwise, reduce, rule } from "./rule.js";

interface ReduceAttrs {
  readonly axes: readonly number[];
  readonly keepDims: boolean;
}
interface SliceAttrs {
  readonly starts: readonly number[];
  readonly steps: readonly number[];
  readonly shape: readonly number[];
}

// Slice ends past either end of an axis (ONNX clamps them); 2⁶² stays exact in a double and in int64.
const PAST_END = 2 ** 62;

function comparison(opType: string, negate = false): OnnxLowering<unknown> {
  return rule((ctx) => {
    const d = commonDType(ctx);
    let b = ctx.node(opType, [ctx.inputAs(0, d), ctx.inputAs(1, d)]);
    if (negate) b = ctx.node("Not", [b]);
    return ctx.cast(b, "bool", "int32");
  });
}

function argExtremum(opType: "ArgMax" | "ArgMin"): OnnxLowering<unknown> {
  return rule<ReduceAttrs>((ctx) => {
    const [axis] = ctx.attrs.axes;
    if (ctx.attrs.axes.length !== 1 || axis === undefined)
      return ctx.fail(`expects exactly one axis, got [${ctx.attrs.axes.join(", ")}]`);
    const i = ctx.node(opType, [ctx.input(0).name], {
      axis: { i: axis },
      keepdims: { i: ctx.attrs.keepDims ? 1 : 0 },
    });
    return ctx.cast(i, "int64", "int32");
  });
}

function reduction(opType: "ReduceSum" | "ReduceMax" | "ReduceMin"): OnnxLowering<unknown> {
  return rule<ReduceAttrs>((ctx) =>
    reduce(ctx, opType, ctx.inputAs(0, ctx.output.dtype), ctx.attrs.axes, ctx.attrs.keepDims),
  );
}

/** Swaps the last two axes of input `i` (for matmul's transposed operands). */
function transposed(ctx: OnnxLoweringContext<unknown>, i: number, dtype: DType): string {
  const rank = ctx.input(i).shape.length;
  const perm = [...Array(rank).keys()];
  [perm[rank - 2], perm[rank - 1]] = [rank - 1, rank - 2];
  return ctx.node("Transpose", [ctx.inputAs(i, dtype)], { perm: { ints: perm } });
}

function sliceLowering(ctx: OnnxLoweringContext<SliceAttrs>): string {
  const { starts, steps } = ctx.attrs;
  const inShape = ctx.input(0).shape;
  const ends = ctx.output.shape.map((dim, axis) => {
    const start = starts[axis] ?? 0;
    const step = steps[axis] ?? 1;
    if (typeof dim === "string") {
      if (start !== 0 || step !== 1 || inShape[axis] !== dim)
        ctx.fail(`slices the dynamic axis ${axis} (${dim}) other than whole`);
      return PAST_END;
    }
    if (dim === 0) return start;
    const last = start + step * (dim - 1);
    const end = step > 0 ? last + 1 : last - 1;
    return end < 0 ? -PAST_END : end;
  });
  const axes = ctx.output.shape.map((_, axis) => axis);
  return ctx.node("Slice", [
    ctx.inputAs(0, ctx.output.dtype),
    ctx.int64s(starts),
    ctx.int64s(ends),
    ctx.int64s(axes),
    ctx.int64s(steps),
  ]);
}

/** sliceScatter: the slice's positions as ScatterND indices (static shapes only). */
function sliceScatterLowering(ctx: OnnxLoweringContext<SliceAttrs>): string {
  const { starts, steps, shape } = ctx.attrs;
  if (ctx.output.shape.some((d) => typeof d === "string"))
    ctx.fail("needs static shapes; export with dynamicBatch: false");
  const rank = shape.length;
  const count = shape.reduce((a, b) => a * b, 1);
  const indices = new Array<number>(count * rank);
  const pos = new Array<number>(rank).fill(0);
  for (let k = 0; k < count; k++) {
    for (let a = 0; a < rank; a++)
      indices[k * rank + a] = (starts[a] ?? 0) + (steps[a] ?? 1) * (pos[a] ?? 0);
    for (let a = rank - 1; a >= 0; a--) {
      pos[a] = (pos[a] ?? 0) + 1;
      if ((pos[a] ?? 0) < (shape[a] ?? 0)) break;
      pos[a] = 0;
    }
  }
  const idx = ctx.constant(indices, [...shape, rank], "int64");
  return ctx.node("ScatterND", [
    ctx.inputAs(0, ctx.output.dtype),
    idx,
    ctx.inputAs(1, ctx.output.dtype),
  ]);
}

export const coreLowerings: Readonly<Record<string, OnnxLowering<unknown>>> = {
  abs: elementwise("Abs"),
  add: elementwise("Add"),
  sub: elementwise("Sub"),
  mul: elementwise("Mul"),
  div: elementwise("Div"),
  neg: elementwise("Neg"),
  exp: elementwise("Exp"),
  log: elementwise("Log"),
  sqrt: elementwise("Sqrt"),
  sign: elementwise("Sign"),
  pow: elementwise("Pow"),
  maximum: elementwise("Max"),
  minimum: elementwise("Min"),
  clone: elementwise("Identity"),
  // eˣ − 1 and ln(1 + x): ONNX has no fused form
  expm1: rule((ctx) => {
    const x = ctx.inputAs(0, ctx.output.dtype);
    return ctx.node("Sub", [ctx.node("Exp", [x]), ctx.scalar(1)]);
  }),
  log1p: rule((ctx) => {
    const x = ctx.inputAs(0, ctx.output.dtype);
    return ctx.node("Log", [ctx.node("Add", [x, ctx.scalar(1)])]);
  }),
  cast: rule<{ dtype: DType }>((ctx) =>
    ctx.cast(ctx.input(0).name, ctx.input(0).dtype, ctx.attrs.dtype),
  ),
  eq: comparison("Equal"),
  ne: comparison("Equal", true),
  lt: comparison("Less"),
  le: comparison("LessOrEqual"),
  gt: comparison("Greater"),
  ge: comparison("GreaterOrEqual"),
  where: rule((ctx) => {
    const c = ctx.cast(ctx.input(0).name, ctx.input(0).dtype, "bool");
    return ctx.node("Where", [
      c,
      ctx.inputAs(1, ctx.output.dtype),
      ctx.inputAs(2, ctx.output.dtype),
    ]);
  }),
  clamp: rule<{ min: number; max: number }>((ctx) => {
    const { min, max } = ctx.attrs;
    return ctx.node("Clip", [
      ctx.inputAs(0, ctx.output.dtype),
      Number.isFinite(min) ? ctx.scalar(min) : "",
      Number.isFinite(max) ? ctx.scalar(max) : "",
    ]);
  }),
  matmul: rule<{ transA: boolean; transB: boolean }>((ctx) => {
    const { transA, transB } = ctx.attrs;
    const d = ctx.output.dtype;
    if (ctx.inputs.every((v) => v.shape.length === 2)) {
      return ctx.node("Gemm", [ctx.inputAs(0, d), ctx.inputAs(1, d)], {
        transA: { i: transA ? 1 : 0 },
        transB: { i: transB ? 1 : 0 },
      });
    }
    const a = transA ? transposed(ctx, 0, d) : ctx.inputAs(0, d);
    const b = transB ? transposed(ctx, 1, d) : ctx.inputAs(1, d);
    return ctx.node("MatMul", [a, b]);
  }),
  sum: reduction("ReduceSum"),
  max: reduction("ReduceMax"),
  min: reduction("ReduceMin"),
  argmax: argExtremum("ArgMax"),
  argmin: argExtremum("ArgMin"),
  permute: rule<{ perm: readonly number[] }>((ctx) =>
    ctx.node("Transpose", [ctx.inputAs(0, ctx.output.dtype)], { perm: { ints: ctx.attrs.perm } }),
  ),
  reshape: rule((ctx) =>
    ctx.node("Reshape", [ctx.inputAs(0, ctx.output.dtype), ctx.shapeOf(ctx.output.shape)]),
  ),
  expand: rule((ctx) =>
    ctx.node("Expand", [ctx.inputAs(0, ctx.output.dtype), ctx.shapeOf(ctx.output.shape)]),
  ),
  concat: rule<{ axis: number }>((ctx) =>
    ctx.node(
      "Concat",
      ctx.inputs.map((_, i) => ctx.inputAs(i, ctx.output.dtype)),
      { axis: { i: ctx.attrs.axis } },
    ),
  ),
  slice: rule(sliceLowering),
  sliceScatter: rule(sliceScatterLowering),
  gather: rule<{ axis: number }>((ctx) =>
    ctx.node(
      "GatherElements",
      [ctx.inputAs(0, ctx.output.dtype), ctx.cast(ctx.input(1).name, "int32", "int64")],
      {
        axis: { i: ctx.attrs.axis },
      },
    ),
  ),
  scatterAdd: rule<{ axis: number }>((ctx) =>
    ctx.node(
      "ScatterElements",
      [
        ctx.inputAs(0, ctx.output.dtype),
        ctx.cast(ctx.input(1).name, "int32", "int64"),
        ctx.inputAs(2, ctx.output.dtype),
      ],
      { axis: { i: ctx.attrs.axis }, reduction: { s: "add" } },
    ),
  ),
};
