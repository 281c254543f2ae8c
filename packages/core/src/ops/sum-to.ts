import { GraphError } from "../errors.js";
import type { Shape } from "../shape.js";
import { dimAt, formatShape } from "../shape.js";
import type { Tensor } from "../tensor/tensor.js";

/**
 * Sums a broadcast gradient back to its source's shape: the one place where broadcasting is undone
 * (extra leading axes are summed away, axes that were 1 are summed with keepDims).
 */
export function sumTo(op: string, g: Tensor, shape: Shape, input: number): Tensor {
  const lead = g.ndim - shape.length;
  const axes: number[] = [];
  let ok = lead >= 0;
  for (let i = 0; ok && i < g.ndim; i++) {
    if (i < lead) axes.push(i);
    else {
      const want = dimAt(shape, i - lead);
      const have = dimAt(g.shape, i);
      if (want === 1 && have !== 1) axes.push(i);
      else if (want !== have) ok = false;
    }
  }
  if (!ok) {
    throw new GraphError(
      `${op}: vjp returned a gradient of shape ${formatShape(g.shape)} for input ${input} of shape ${formatShape(shape)}, and it does not broadcast to it`,
    );
  }
  const summed = axes.length > 0 ? g.sum(axes, true) : g;
  return summed.reshape(shape);
}
