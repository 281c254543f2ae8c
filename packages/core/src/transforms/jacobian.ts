import { vjp } from "../autodiff/functional.js";
import { ArgumentError } from "../errors.js";
import { stack } from "../ops/concat.js";
import { tensor, zeros } from "../tensor/create.js";
import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { argnumList, checkDifferentiable, checkOutput, type TensorFn, toTensor } from "./args.js";

/** Options of `jacobian` and `hessian`. */
export interface JacobianOptions {
  /** The argument(s) to differentiate with respect to (default 0). */
  argnums?: number | readonly number[];
}

/**
 * `jacobian(f)` returns a function computing the Jacobian of f with respect to argument 0 (or
 * those named by `argnums`), by reverse mode (torch.func's `jacrev`): one vector-Jacobian product
 * per output element. For an output of shape O and an argument of shape I the Jacobian has shape
 * [...O, ...I]; with an array `argnums` one Jacobian per named argument is returned. Nests:
 * `jacobian(jacobian(f))` is the Hessian.
 *
 * @example
 * const J = jacobian((x) => x.mul(x))(tensor([1, 2]));
 * J.toArray(); // [[2, 0], [0, 4]]
 */
export function jacobian(
  f: TensorFn,
  options: JacobianOptions & { argnums: readonly number[] },
): (...args: TensorLike[]) => Tensor[];
export function jacobian(
  f: TensorFn,
  options?: JacobianOptions & { argnums?: number },
): (...args: TensorLike[]) => Tensor;
export function jacobian(
  f: TensorFn,
  options: JacobianOptions = {},
): (...args: TensorLike[]) => Tensor | Tensor[] {
  const op = "jacobian";
  if (typeof f !== "function") throw new ArgumentError(`${op}: f must be a function`);
  const argnums = options.argnums ?? 0;
  return (...rawArgs: TensorLike[]) => {
    const args = rawArgs.map((a, i) => toTensor(op, `argument ${i}`, a));
    const list = argnumList(op, argnums, args.length);
    for (const i of list) checkDifferentiable(op, `argument ${i}`, args[i] as Tensor);
    const selected = list.map((i) => args[i] as Tensor);
    const [out, pullback] = vjp(
      (...sel: Tensor[]) => {
        const full = [...args];
        list.forEach((i, k) => {
          full[i] = sel[k] as Tensor;
        });
        return checkOutput(op, f(...full));
      },
      ...selected,
    );
    const rows: Tensor[][] = selected.map(() => []);
    for (let j = 0; j < out.size; j++) {
      const basis = Array.from({ length: out.size }, (_, k) => (k === j ? 1 : 0));
      const gs = pullback(tensor(basis, { dtype: out.dtype }).reshape(out.shape));
      gs.forEach((g, k) => {
        (rows[k] as Tensor[]).push(g);
      });
    }
    const jacobians = selected.map((x, k) => {
      const r = rows[k] as Tensor[];
      if (r.length === 0) return zeros([...out.shape, ...x.shape], { dtype: x.dtype });
      return stack(r, 0).reshape([...out.shape, ...x.shape]);
    });
    return typeof argnums === "number" ? (jacobians[0] as Tensor) : jacobians;
  };
}
