/** ONNX lowerings of @fluxion/core's products, scans, norms and sorting (prod … norm, argsort). */
import type { OnnxLowering, OnnxLoweringContext } from "../types.js";
import { rule } from "./rule.js";

interface ReduceAttrs {
  readonly axes: readonly number[];
  readonly keepDims: boolean;
}
interface ScanAttrs {
  readonly axis: number;
  readonly reverse: boolean;
}
interface SortAttrs {
  readonly axis: number;
  readonly descending: boolean;
}
interface NormAttrs extends ReduceAttrs {
  readonly p: number;
}

type Reducer = "ReduceProd" | "ReduceSum" | "ReduceL1" | "ReduceL2";

/** A reduction over `axes`: axes as an input from opset 18 on (and always for ReduceSum). */
function reduceOver(
  ctx: OnnxLoweringContext<unknown>,
  opType: Reducer,
  x: string,
  axes: readonly number[],
  keepDims: boolean,
): string {
  const keepdims = { i: keepDims ? 1 : 0 };
  if (opType === "ReduceSum" || ctx.opset >= 18)
    return ctx.node(opType, [x, ctx.int64s(axes)], { keepdims });
  return ctx.node(opType, [x], { axes: { ints: axes }, keepdims });
}

/** The static length of the scanned axis (ONNX has no cumprod: the lowering builds an n × n mask). */
function scanLength(ctx: OnnxLoweringContext<ScanAttrs>): number {
  const n = ctx.input(0).shape[ctx.attrs.axis];
  if (typeof n !== "number") ctx.fail(`scans the dynamic axis ${ctx.attrs.axis} (${n})`);
  return n ?? 1;
}

export const reductionLowerings: Readonly<Record<string, OnnxLowering<unknown>>> = {
  prod: rule<ReduceAttrs>((ctx) => {
    const x = ctx.inputAs(0, ctx.output.dtype);
    if (ctx.attrs.axes.length === 0) return ctx.node("Identity", [x]);
    return reduceOver(ctx, "ReduceProd", x, ctx.attrs.axes, ctx.attrs.keepDims);
  }),
  cumsum: rule<ScanAttrs>((ctx) =>
    ctx.node(
      "CumSum",
      [ctx.inputAs(0, ctx.output.dtype), ctx.constant([ctx.attrs.axis], [], "int64")],
      { reverse: { i: ctx.attrs.reverse ? 1 : 0 } },
    ),
  ),
  // yᵢ = Π_j (j ≤ i ? xⱼ : 1): x with an axis i inserted before its axis j, a constant i × j mask,
  // Where, and ReduceProd over j (O(n²) along the axis; ONNX has no CumProd before opset 24)
  cumprod: rule<ScanAttrs>((ctx) => {
    const { axis, reverse } = ctx.attrs;
    const n = scanLength(ctx);
    const rank = ctx.input(0).shape.length;
    if (rank === 0) return ctx.node("Identity", [ctx.inputAs(0, ctx.output.dtype)]);
    const mask = new Array<number>(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) mask[i * n + j] = (reverse ? j >= i : j <= i) ? 1 : 0;
    const trailing = new Array<number>(rank - 1 - axis).fill(1);
    const m = ctx.constant(mask, [n, n, ...trailing], "bool");
    const xe = ctx.node("Unsqueeze", [ctx.inputAs(0, ctx.output.dtype), ctx.int64s([axis])]);
    const picked = ctx.node("Where", [m, xe, ctx.scalar(1)]);
    return reduceOver(ctx, "ReduceProd", picked, [axis + 1], false);
  }),
  // the 2-norm and 1-norm natively; any other p as (Σ|x|ᵖ)^(1/p)
  norm: rule<NormAttrs>((ctx) => {
    const { p, axes, keepDims } = ctx.attrs;
    const abs = ctx.node("Abs", [ctx.inputAs(0, ctx.output.dtype)]);
    if (axes.length === 0) return abs;
    if (p === 2 || p === 1)
      return reduceOver(ctx, p === 2 ? "ReduceL2" : "ReduceL1", abs, axes, keepDims);
    const powered = ctx.node("Pow", [abs, ctx.scalar(p)]);
    const summed = reduceOver(ctx, "ReduceSum", powered, axes, keepDims);
    return ctx.node("Pow", [summed, ctx.scalar(1 / p)]);
  }),
  // TopK over the whole axis (ONNX puts the lower index first among equal values: stable, as
  // Fluxion); its second output holds the indices
  argsort: rule<SortAttrs>((ctx) => {
    const { axis, descending } = ctx.attrs;
    const { shape } = ctx.input(0);
    if (shape.length === 0) return ctx.constant([0], [], "int32");
    const n = shape[axis];
    const k =
      typeof n === "number"
        ? ctx.int64s([n])
        : ctx.node("Gather", [ctx.shapeOf(shape), ctx.int64s([axis])], { axis: { i: 0 } });
    const [, indices] = ctx.nodeOutputs("TopK", [ctx.input(0).name, k], 2, {
      axis: { i: axis },
      largest: { i: descending ? 1 : 0 },
      sorted: { i: 1 },
    });
    return ctx.cast(indices ?? ctx.fail("TopK gave no indices"), "int64", "int32");
  }),
};
