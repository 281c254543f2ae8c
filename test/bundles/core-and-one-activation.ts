// @fluxion/core and one function of @fluxion/activations: every method the types promise exists.

import { relu } from "@fluxion/activations";
import { tensor } from "@fluxion/core";

const x = tensor([-2, -0.5, 0, 1.5], { requiresGrad: true });
const y = relu(x).add(x.tanh()).sigmoid();
y.sum().backward();
Object.assign(globalThis, {
  result: {
    relu: relu(x).toArray(),
    tanh: x.tanh().toArray(),
    softplus: x.softplus().toArray(),
    grad: x.grad?.toArray() ?? null,
  },
});
