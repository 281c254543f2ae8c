/**
 * Interim demo (until the activation study lands): a two-layer network learns XOR with core ops
 * only, printing its loss as it falls.
 */
import { manualSeed, noGrad, randn, tensor, zeros } from "@fluxion/core";

manualSeed(0);
const X = tensor([
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]);
const y = tensor([[0], [1], [1], [0]]);
const W1 = randn([2, 8]).mul(0.8).detach().requiresGrad_();
const b1 = zeros([8], { requiresGrad: true });
const W2 = randn([8, 1]).mul(0.5).detach().requiresGrad_();
const b2 = zeros([1], { requiresGrad: true });
const params = [W1, b1, W2, b2];

for (let step = 0; step <= 2000; step++) {
  const h = X.matmul(W1).add(b1).maximum(0);
  const logits = h.matmul(W2).add(b2);
  // binary cross-entropy on logits, in the stable form max(z, 0) − z·y + log(1 + e^−|z|)
  const loss = logits.maximum(0).sub(logits.mul(y)).add(logits.abs().neg().exp().log1p()).mean();
  for (const p of params) p.grad = null;
  loss.backward();
  noGrad(() => {
    for (const p of params) if (p.grad) p.sub_(p.grad, 0.5);
  });
  if (step % 250 === 0)
    console.log(`step ${String(step).padStart(4)}  loss ${loss.item().toFixed(5)}`);
}
