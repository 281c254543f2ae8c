import { ArgumentError, ShapeError } from "../errors.js";
import { stack } from "../ops/concat.js";
import { type SliceRange, slice } from "../ops/slice.js";
import { formatShape, normalizeAxis, shapesEqual } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { checkOutput, toTensor } from "./args.js";

/** Options of `vmap`. */
export interface VmapOptions {
  /**
   * Which axis of each argument is mapped over: a number (the same for every argument, default
   * 0), or one entry per argument, null for an argument shared by every example (weights, say).
   */
  inDims?: number | readonly (number | null)[];
  /**
   * "loop" (default): f runs once per example and the results are stacked, correct for any f.
   * "broadcast": f runs once on the whole batch, which is right (and fast) when f treats the
   * leading axis as a batch axis, i.e. only broadcasts over it (elementwise ops, matmul with
   * shared weights, reductions over trailing axes); vmap then checks that the output has the
   * batch as its leading axis and that the first and last examples equal f applied to them alone,
   * and throws a clear error if not.
   */
  strategy?: "loop" | "broadcast";
}

/** The part of `x` at `index` along `axis`, with that axis removed. */
function take(x: Tensor, axis: number, index: number): Tensor {
  const ranges: SliceRange[] = Array.from({ length: axis + 1 }, (_, k) =>
    k === axis ? index : null,
  );
  return slice(x, ranges);
}

/** Largest |a − b| over two tensors of one shape. */
function maxDiff(a: Tensor, b: Tensor): number {
  const x = a.data();
  const y = b.data();
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs((x[i] as number) - (y[i] as number));
    if (d > m || Number.isNaN(d)) m = d;
  }
  return m;
}

/**
 * `vmap(f)` maps f over an axis of its arguments (the leading one by default), like JAX's and
 * torch.func's `vmap`: the result stacks f's outputs for each example along a new leading axis.
 * Composes with the other transforms: `vmap(grad(loss))` gives per-example gradients.
 *
 * @example
 * const dot = (a: Tensor, b: Tensor) => a.mul(b).sum();
 * vmap(dot)(randn([8, 3]), randn([8, 3])).shape; // [8]
 * vmap(dot, { inDims: [0, null] })(randn([8, 3]), randn([3])).shape; // [8]
 */
export function vmap(
  f: (...args: Tensor[]) => Tensor,
  options: VmapOptions = {},
): (...args: TensorLike[]) => Tensor {
  const op = "vmap";
  if (typeof f !== "function") throw new ArgumentError(`${op}: f must be a function`);
  const strategy = options.strategy ?? "loop";
  if (strategy !== "loop" && strategy !== "broadcast")
    throw new ArgumentError(
      `${op}: strategy must be "loop" or "broadcast", got ${JSON.stringify(strategy)}`,
    );
  const inDims = options.inDims ?? 0;
  return (...rawArgs: TensorLike[]) => {
    const args = rawArgs.map((a, i) => toTensor(op, `argument ${i}`, a));
    const dims = typeof inDims === "number" ? args.map(() => inDims) : [...inDims];
    if (dims.length !== args.length)
      throw new ArgumentError(
        `${op}: inDims has ${dims.length} entries but the function was called with ${args.length} arguments`,
      );
    const axes = dims.map((d, i) => {
      if (d === null) return null;
      const x = args[i] as Tensor;
      if (!Number.isInteger(d) || x.ndim === 0)
        throw new ArgumentError(
          `${op}: argument ${i} (shape ${formatShape(x.shape)}) cannot be mapped over axis ${String(d)}`,
        );
      return normalizeAxis(op, d, x.ndim);
    });
    let n: number | undefined;
    let first = -1;
    axes.forEach((a, i) => {
      if (a === null) return;
      const size = (args[i] as Tensor).shape[a] as number;
      if (n === undefined) {
        n = size;
        first = i;
      } else if (size !== n)
        throw new ShapeError(
          `${op}: mapped axes differ in size: argument ${first} has ${n} examples, argument ${i} (shape ${formatShape((args[i] as Tensor).shape)}, axis ${a}) has ${size}`,
        );
    });
    if (n === undefined)
      throw new ArgumentError(`${op}: no argument is mapped (every inDims entry is null)`);
    if (n === 0) throw new ArgumentError(`${op}: the mapped axis is empty (0 examples)`);
    const batch = n;
    const example = (b: number) =>
      args.map((x, i) => {
        const a = axes[i];
        return a === null || a === undefined ? x : take(x, a, b);
      });
    const run = (b: number) => checkOutput(op, f(...example(b)));
    if (strategy === "broadcast") {
      const moved = args.map((x, i) => {
        const a = axes[i];
        if (a === null || a === undefined || a === 0) return x;
        const perm = [a, ...x.shape.map((_, k) => k).filter((k) => k !== a)];
        return x.permute(perm);
      });
      const out = checkOutput(op, f(...moved));
      if (out.shape[0] !== batch)
        throw new ShapeError(
          `${op}: with strategy "broadcast", f returned shape ${formatShape(out.shape)} for a batch of ${batch}: its leading axis is not the batch, so f does not broadcast over it; use strategy "loop"`,
        );
      for (const b of new Set([0, batch - 1])) {
        const alone = run(b);
        const inBatch = take(out, 0, b);
        const d = shapesEqual(alone.shape, inBatch.shape) ? maxDiff(alone, inBatch) : Infinity;
        // NOTE: a batched kernel may sum in another order: allow rounding, not a different value
        const rtol = alone.dtype === "float64" ? 1e-9 : 1e-4;
        if (!(d <= rtol * Math.max(1, maxDiff(alone, alone.mul(0)))))
          throw new ArgumentError(
            `${op}: with strategy "broadcast", example ${b} of the batched result differs from f applied to example ${b} alone (shapes ${formatShape(inBatch.shape)} and ${formatShape(alone.shape)}, largest difference ${d}): f mixes the examples; use strategy "loop"`,
          );
      }
      return out;
    }
    const outs: Tensor[] = [];
    for (let b = 0; b < batch; b++) {
      const out = run(b);
      const shape0 = outs[0]?.shape;
      if (shape0 && !shapesEqual(out.shape, shape0))
        throw new ShapeError(
          `${op}: f returned shape ${formatShape(out.shape)} for example ${b} but ${formatShape(shape0)} for example 0; every example's output must have one shape`,
        );
      outs.push(out);
    }
    return stack(outs, 0);
  };
}
