import { grad } from "../autodiff/functional.js";
import { ArgumentError, GraphError } from "../errors.js";
import { formatShape } from "../shape.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { argnumList, checkOutput, type TensorFn, toTensor } from "./args.js";
import { jacobian } from "./jacobian.js";

/**
 * `hessian(f)` returns a function computing the Hessian of f (which returns a one-element tensor)
 * with respect to argument 0, of shape [...x.shape, ...x.shape], by reverse-over-reverse mode
 * (the Jacobian of the gradient). With an array `argnums` it returns the blocks
 * H[i][j] = ∂²f/∂xᵢ∂xⱼ of shape [...xᵢ.shape, ...xⱼ.shape].
 *
 * @example
 * const H = hessian((x) => x.pow(3).sum())(tensor([1, 2]));
 * H.toArray(); // [[6, 0], [0, 12]]
 */
export function hessian(
  f: TensorFn,
  options: { argnums: readonly number[] },
): (...args: TensorLike[]) => Tensor[][];
export function hessian(
  f: TensorFn,
  options?: { argnums?: number },
): (...args: TensorLike[]) => Tensor;
export function hessian(
  f: TensorFn,
  options: { argnums?: number | readonly number[] } = {},
): (...args: TensorLike[]) => Tensor | Tensor[][] {
  const op = "hessian";
  if (typeof f !== "function") throw new ArgumentError(`${op}: f must be a function`);
  const argnums = options.argnums ?? 0;
  const scalarF: TensorFn = (...args) => {
    const out = checkOutput(op, f(...args));
    if (out.size !== 1)
      throw new GraphError(
        `${op}: the function must return a one-element tensor, got shape ${formatShape(out.shape)}; use jacobian for other outputs`,
      );
    return out;
  };
  return (...rawArgs: TensorLike[]) => {
    const args = rawArgs.map((a, i) => toTensor(op, `argument ${i}`, a));
    const list = argnumList(op, argnums, args.length);
    const blocks = list.map((i) =>
      list.map((j) =>
        jacobian((...xs: Tensor[]) => grad(scalarF, { argnums: i })(...xs), { argnums: j })(
          ...args,
        ),
      ),
    );
    return typeof argnums === "number" ? (blocks[0]?.[0] as Tensor) : blocks;
  };
}
