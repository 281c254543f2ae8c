import { grad, manualSeed, tensor } from "@fluxion/core";
import { binaryCrossEntropyWithLogits, Linear, Sequential, SGD, Tanh } from "@fluxion/nn";

manualSeed(0);
const X = tensor([
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]);
const y = tensor([0, 1, 1, 0]); // XOR
const model = new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 1));
const opt = new SGD(model.parameters(), { lr: 0.5, momentum: 0.9 });
for (let step = 0; step < 300; step++) {
  opt.zeroGrad();
  const loss = binaryCrossEntropyWithLogits(model.call(X).squeeze(-1), y);
  loss.backward(); // gradients land in each parameter's .grad
  opt.step();
}
console.log(model.call(X).sigmoid().toArray()); // ≈ [[0], [1], [1], [0]]
console.log(grad(grad((x) => x.pow(3).sum()))(tensor(2)).item()); // 12: second derivatives just work
