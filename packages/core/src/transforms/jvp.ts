import { grad, vjp } from "../autodiff/functional.js";
import { ArgumentError } from "../errors.js";
import { zeros } from "../tensor/create.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { checkDifferentiable, checkLike, checkOutput, type TensorFn, toTensor } from "./args.js";

/**
 * The Jacobian-vector product of f at `primals` along `tangents` (forward-mode, JAX's and
 * torch.func's `jvp`): returns [f(primals), J·tangents], where J·t = Σᵢ ∂f/∂xᵢ · tᵢ has f's output
 * shape. Computed by the double-vjp trick: J·t = ∂/∂u ⟨Jᵀu, t⟩, two reverse passes, so it works
 * for every differentiable op and nests inside `grad`, `jacobian` and other transforms.
 *
 * @example
 * const [y, dy] = jvp((x) => x.pow(3), [tensor([1, 2])], [tensor([1, 0])]);
 * dy.toArray(); // [3, 0]
 */
export function jvp(
  f: TensorFn,
  primals: readonly TensorLike[],
  tangents: readonly TensorLike[],
): [Tensor, Tensor] {
  const op = "jvp";
  if (typeof f !== "function") throw new ArgumentError(`${op}: f must be a function`);
  if (!Array.isArray(primals) || !Array.isArray(tangents))
    throw new ArgumentError(`${op}: primals and tangents must be arrays (one entry per argument)`);
  if (primals.length !== tangents.length || primals.length === 0)
    throw new ArgumentError(
      `${op}: got ${primals.length} primals and ${tangents.length} tangents; give one tangent per primal (at least one)`,
    );
  const xs = primals.map((p, i) => toTensor(op, `primals[${i}]`, p));
  const ts = tangents.map((t, i) => toTensor(op, `tangents[${i}]`, t));
  xs.forEach((x, i) => {
    checkDifferentiable(op, `primals[${i}]`, x);
    checkLike(op, `tangents[${i}]`, ts[i] as Tensor, x, `primals[${i}]`);
  });
  const [out, pullback] = vjp((...args: Tensor[]) => checkOutput(op, f(...args)), ...xs);
  // ⟨Jᵀu, t⟩ is linear in u, and its gradient in u is J·t (at any u; 0 is as good as any)
  const inner = (u: Tensor) =>
    pullback(u).reduce<Tensor>(
      (acc, gi, i) => acc.add(gi.mul((ts[i] as Tensor).to(gi.dtype)).sum()),
      zeros([], { dtype: out.dtype }),
    );
  const tangentOut = grad(inner)(zeros(out.shape, { dtype: out.dtype }));
  return [out, tangentOut];
}
