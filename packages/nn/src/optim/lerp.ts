import type { Tensor } from "@fluxion/core";

/** PyTorch's CPU lerp: a + w(b − a) for w < ½, else b − (b − a)(1 − w). */
export function lerp(a: Tensor, b: Tensor, w: number): Tensor {
  const diff = b.sub(a);
  return w < 0.5 ? a.add(diff.mul(w)) : b.sub(diff.mul(1 - w));
}
