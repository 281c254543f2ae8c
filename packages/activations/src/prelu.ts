import {
  asTensor,
  defineOp,
  ShapeError,
  type Tensor,
  type TensorLike,
  where,
  zerosLike,
} from "@fluxion/core";
import type { ActivationInfo } from "./info.js";

/** The slope shaped to broadcast against x: a scalar, or [C, 1, …, 1] for channels on axis 1. */
function broadcastSlope(x: Tensor, a: Tensor): Tensor {
  if (a.size === 1) return a.reshape([]);
  return a.reshape([a.size, ...x.shape.slice(2).map(() => 1)]);
}

const preluOp = defineOp<[Tensor, Tensor]>({
  name: "prelu",
  shape: ([x, a]) => {
    const t = x as Tensor;
    const w = a as Tensor;
    const ok = w.size === 1 || (w.ndim === 1 && t.ndim >= 2 && t.shape[1] === w.size);
    if (!ok) {
      throw new ShapeError(
        `prelu: the slope must have one element or one per channel (x.shape[1]); got slope shape [${w.shape.join(", ")}] for input shape [${t.shape.join(", ")}]`,
      );
    }
    return t.shape;
  },
  compute: ([x, a], _attrs, out) => {
    const t = x.to(out.dtype);
    return where(t.ge(0), t, t.mul(broadcastSlope(t, a.to(out.dtype))));
  },
  // ∂f/∂x = 1 if x > 0 else a (so a at 0); ∂f/∂a = x if x < 0 else 0, summed over all but axis 1
  vjp: (g, { inputs: [x, a], needsInputGrad: [nx, na] }) => {
    const t = x as Tensor;
    const w = a as Tensor;
    const slope = broadcastSlope(t, w);
    // (NaN in x gives a NaN gradient, as the fused activations do)
    const dx = nx ? where(t.gt(0), g, where(t.ne(t), t, g.mul(slope))) : null;
    let da: Tensor | null = null;
    if (na) {
      const contrib = where(t.lt(0), g.mul(t), zerosLike(g));
      const axes = t.shape.map((_, i) => i).filter((i) => w.size === 1 || i !== 1);
      da = contrib.sum(axes).reshape(w.shape);
    }
    return [dx, da];
  },
});

/**
 * Parametric ReLU: x if x ≥ 0 else a·x, with the slope a a tensor (learnable: it receives a
 * gradient) of one element, or one per channel along axis 1. Its derivative in x at 0 is a.
 *
 * @example
 * const a = tensor([0.25], { requiresGrad: true });
 * prelu(tensor([[-2, 3]]), a); // [[-0.5, 3]]
 */
export function prelu(x: TensorLike, slope: TensorLike): Tensor {
  return preluOp([asTensor(x), asTensor(slope)], {});
}

export const preluInfo: ActivationInfo = {
  name: "prelu",
  formula: "x if x ≥ 0 else a·x, a learnable (one, or one per channel)",
  derivative: "1 if x > 0 else a; ∂f/∂a = x if x < 0 else 0",
  parameters: [
    { name: "slope", default: null, description: "learnable tensor a, initialised to 0.25" },
  ],
  range: "ℝ",
  monotonic: "for a ≥ 0",
  zeroCentred: "no",
  smooth: false,
  boundedBelow: false,
  boundedAbove: false,
  kink: { at: 0, derivative: "f'(0) = a, ∂f/∂a = 0" },
  differentiable: true,
  remark:
    "Generalises ReLU with a learned slope for negative values, since different layers may need different nonlinearity: in CNNs the first layers learn more positive (closer to linear) slopes, deeper layers smaller ones.",
  apply: (x) => prelu(x, asTensor(0.25, x.dtype)),
};
