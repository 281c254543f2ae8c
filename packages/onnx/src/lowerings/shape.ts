/**
 * ONNX lowerings of @fluxion/core's shape and indexing ops added with issue 15 (scatter). The
 * others of that group (maskedFill, tril, triu, flip, roll, split, chunk, unbind, repeat, tile,
 * pad) are composed from ops that already lower (where, gather, slice, concat, reshape, expand).
 */
import type { OnnxLowering } from "../types.js";
import { rule } from "./rule.js";

export const shapeLowerings: Readonly<Record<string, OnnxLowering<unknown>>> = {
  // ONNX leaves repeated positions unspecified, as PyTorch does; ONNX Runtime writes in order
  scatter: rule<{ axis: number }>((ctx) =>
    ctx.node(
      "ScatterElements",
      [
        ctx.inputAs(0, ctx.output.dtype),
        ctx.cast(ctx.input(1).name, "int32", "int64"),
        ctx.inputAs(2, ctx.output.dtype),
      ],
      { axis: { i: ctx.attrs.axis } },
    ),
  ),
};
