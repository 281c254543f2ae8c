import { grad, noGrad, type Tensor } from "@fluxion/core";
import type { Module, Sequential } from "@fluxion/nn";
import { activationLayers, linearLayers } from "./model.js";

/** The input of every activation layer of `net` on the batch `x` (no graph kept). */
export function preActivations(net: Sequential, x: Tensor): Tensor[] {
  const captured: Tensor[] = [];
  const handles = activationLayers(net).map((layer) =>
    layer.registerForwardPreHook((_module, inputs) => {
      captured.push(inputs[0] as Tensor);
    }),
  );
  try {
    noGrad(() => net.call(x));
  } finally {
    for (const h of handles) h.remove();
  }
  return captured;
}

/** f'(z) of an activation layer, elementwise, by autodiff (works for every activation). */
export function localDerivative(layer: Module, z: Tensor): Tensor {
  return grad((t) => (layer.call(t) as Tensor).sum())(z);
}

/**
 * Per hidden layer, the fraction of dead units: units whose activation passes no gradient
 * (|f'(z)| < 1e-8) for every example of `x`. For ReLU that is a unit whose input is never positive;
 * for binaryStep it is every unit.
 *
 * @example
 * deadUnitFractions(net, data.x); // e.g. [0, 0.125, 0.25]
 */
export function deadUnitFractions(net: Sequential, x: Tensor): number[] {
  const layers = activationLayers(net);
  return preActivations(net, x).map((z, i) => {
    const alive = localDerivative(layers[i] as Module, z)
      .abs()
      .max(0)
      .gt(1e-8);
    return 1 - alive.sum().item() / (alive.shape[0] as number);
  });
}

/**
 * The gradient norm ‖∂loss/∂W‖ of every Linear layer's weight, first to last (output layer
 * included), for one backward pass of `lossOf(net)`. Leaves the gradients zeroed afterwards.
 *
 * @example
 * const norms = weightGradNorms(net, (m) => crossEntropy(m.call(x) as Tensor, y));
 */
export function weightGradNorms(net: Sequential, lossOf: (net: Sequential) => Tensor): number[] {
  net.zeroGrad();
  lossOf(net).backward();
  const norms = linearLayers(net).map((l) => {
    const g = l.weight.grad;
    return g ? Math.sqrt(g.mul(g).sum().item()) : 0;
  });
  net.zeroGrad();
  return norms;
}
