import { ArgumentError, Tensor } from "@fluxion/core";

/** The gradients (non-null) of `parameters`: a tensor or an iterable of tensors. */
export function gradsOf(op: string, parameters: Tensor | Iterable<Tensor>): Tensor[] {
  if (parameters instanceof Tensor) return parameters.grad ? [parameters.grad] : [];
  if (parameters === null || typeof parameters !== "object" || !(Symbol.iterator in parameters))
    throw new ArgumentError(
      `${op}: parameters must be a Tensor or an iterable of tensors, got ${parameters === null ? "null" : typeof parameters}`,
    );
  const grads: Tensor[] = [];
  let i = 0;
  for (const p of parameters) {
    if (!(p instanceof Tensor))
      throw new ArgumentError(`${op}: parameter ${i} is not a Tensor (got ${typeof p})`);
    if (p.grad) grads.push(p.grad);
    i++;
  }
  return grads;
}
