// Imports @fluxion/nn and nothing else: the tensors it hands out still have core's methods and the
// activation methods (nn's entry imports @fluxion/activations for them).
import { Linear, Sequential, Tanh } from "@fluxion/nn";

const layer = new Linear(3, 2);
const model = new Sequential(layer, new Tanh());
const w = layer.weight;
const out = model.call(w.detach().T.reshape([2, 3]).relu());
out.tanh().sum().backward();
Object.assign(globalThis, {
  result: {
    relu: w.relu().toArray(),
    expectedRelu: w.toArray(),
    shape: out.shape,
    gradShape: w.grad?.shape ?? null,
  },
});
