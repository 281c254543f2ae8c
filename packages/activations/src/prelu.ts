import {
  asTensor,
  defineOp,
  formatShape,
  type Op,
  ShapeError,
  type Tensor,
  type TensorLike,
  where,
  zerosLike,
} from "@fluxion/core";
import { defineActivation, spec } from "./define-activation.js";

/** The slope shaped to broadcast against x: a scalar, or [C, 1, …, 1] for channels on axis 1. */
function broadcastSlope(x: Tensor, a: Tensor): Tensor {
  if (a.size === 1) return a.reshape([]);
  return a.reshape([a.size, ...x.shape.slice(2).map(() => 1)]);
}

const preluOp: Op<[Tensor, Tensor]> = defineOp<[Tensor, Tensor]>({
  name: "prelu",
  shape: ([x, a]) => {
    const ok = a.size === 1 || (a.ndim === 1 && x.ndim >= 2 && x.shape[1] === a.size);
    if (!ok) {
      throw new ShapeError(
        `prelu: the slope must have one element or one per channel (x.shape[1]); got slope shape ${formatShape(a.shape)} for input shape ${formatShape(x.shape)}`,
      );
    }
    return x.shape;
  },
  compute: ([x, a], _attrs, out) => {
    const t = x.to(out.dtype);
    return where(t.ge(0), t, t.mul(broadcastSlope(t, a.to(out.dtype))));
  },
  // ∂f/∂x = 1 if x > 0 else a (so a at 0); ∂f/∂a = x if x < 0 else 0, summed over all but axis 1
  vjp: (g, { inputs: [x, a], needsInputGrad: [nx, na] }) => {
    const slope = broadcastSlope(x, a);
    // (NaN in x gives a NaN gradient, as the fused activations do)
    const dx = nx ? where(x.gt(0), g, where(x.ne(x), x, g.mul(slope))) : null;
    let da: Tensor | null = null;
    if (na) {
      const contrib = where(x.lt(0), g.mul(x), zerosLike(g));
      const axes = x.shape.map((_, i) => i).filter((i) => a.size === 1 || i !== 1);
      da = contrib.sum(axes).reshape(a.shape);
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
 * tensor([[-2, 3]]).prelu(a); // the same
 */
export const prelu = defineActivation({
  name: "prelu",
  options: {},
  call: (x: Tensor, slope: TensorLike) => preluOp([x, asTensor(slope)]),
  parameters: [
    { name: "slope", default: null, description: "learnable tensor a, initialised to 0.25" },
  ],
  plot: (x) => preluOp([x, asTensor(0.25, x.dtype)]),
  about: {
    formula: "x if x ≥ 0 else a·x, a learnable (one, or one per channel)",
    derivative: "1 if x > 0 else a; ∂f/∂a = x if x < 0 else 0",
    range: "ℝ",
    monotonic: "for a ≥ 0",
    zeroCentred: "no",
    smooth: false,
    boundedBelow: false,
    boundedAbove: false,
    kink: { at: [0], derivative: [0.25], note: "f'(0) = a, ∂f/∂a = 0" },
    remark:
      "Generalises ReLU with a learned slope for negative values, since different layers may need different nonlinearity: in CNNs the first layers learn more positive (closer to linear) slopes, deeper layers smaller ones.",
  },
  layer: "PReLU",
  specs: [
    spec("prelu", [
      {
        label: "one slope",
        inputs: [
          { shape: [2, 3], min: -4, max: 4, avoid: [0] },
          { shape: [1], min: 0.05, max: 0.5 },
        ],
        apply: (x, a): Tensor => prelu(x, a),
      },
      {
        label: "one slope per channel (axis 1)",
        inputs: [
          { shape: [2, 3, 2], min: -4, max: 4, avoid: [0] },
          { shape: [3], min: 0.05, max: 0.5 },
        ],
        apply: (x, a): Tensor => prelu(x, a),
      },
    ]),
  ],
});
