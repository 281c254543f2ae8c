// A bare import of @fluxion/activations installs the activation methods.
import "@fluxion/activations";
import { tensor } from "@fluxion/core";

const x = tensor([-1, 0, 2]);
Object.assign(globalThis, {
  result: { relu: x.relu().toArray(), tanh: x.tanh().toArray(), sum: x.sum().item() },
});
