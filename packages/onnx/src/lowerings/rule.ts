import type { OnnxLowering, OnnxLoweringContext } from "../types.js";

/**
 * A table entry: a lowering written against its op's attribute type. The table is keyed by op
 * name, so the attributes a lowering receives are those of the op it is registered under.
 */
export function rule<A>(fn: (ctx: OnnxLoweringContext<A>) => string): OnnxLowering<unknown> {
  return fn as OnnxLowering<unknown>;
}

/** The input dtypes' common type, as Fluxion promotes them (a float wins over int32). */
export function commonDType(ctx: OnnxLoweringContext<unknown>): "float32" | "float64" | "int32" {
  let d: "float32" | "float64" | "int32" = "int32";
  for (const v of ctx.inputs) if (v.dtype !== "int32") d = v.dtype;
  return d;
}

/** An elementwise op whose inputs are cast to the output's dtype first. */
export function elementwise(opType: string): OnnxLowering<unknown> {
  return rule((ctx) =>
    ctx.node(
      opType,
      ctx.inputs.map((_, i) => ctx.inputAs(i, ctx.output.dtype)),
    ),
  );
}

/** A reduction over `axes`: axes as an input from opset 18 on (and always for ReduceSum). */
export function reduce(
  ctx: OnnxLoweringContext<unknown>,
  opType: "ReduceSum" | "ReduceMax" | "ReduceMin" | "ReduceMean",
  x: string,
  axes: readonly number[],
  keepDims: boolean,
): string {
  if (axes.length === 0) return ctx.node("Identity", [x]);
  const keepdims = { i: keepDims ? 1 : 0 };
  if (opType === "ReduceSum" || ctx.opset >= 18)
    return ctx.node(opType, [x, ctx.int64s(axes)], { keepdims });
  return ctx.node(opType, [x], { axes: { ints: axes }, keepdims });
}
