import { describe, expect, it } from "vitest";
import { outputPoolStats } from "../backend/buffer-pool.js";
import { getBackend } from "../backend/index.js";
import { defineOp } from "../ops/define-op.js";
import { Generator } from "../random/generator.js";
import { markBuiltinOps } from "../registry.js";
import { randn } from "../tensor/create.js";
import type { Tensor } from "../tensor/tensor.js";
import { noGrad } from "./grad-mode.js";

// Backward hands the arrays it knows to be dead (consumed gradients, rule temporaries) to later
// kernel outputs (backend/buffer-pool.ts). createGraph turns that off and computes the same values
// with the same kernels, so the two must agree bit for bit over many steps, while arrays are being
// reused; a gradient that user code can see (a .grad, a hook's argument, a retained gradient) must
// never change afterwards.

const dtypes = ["float32", "float64"] as const;

function params(dtype: (typeof dtypes)[number], seed: number): Tensor[] {
  const g = new Generator(seed);
  return [
    randn([64, 48], { dtype, generator: g }).mul(0.2).requiresGrad_(),
    randn([48], { dtype, generator: g }).requiresGrad_(),
    randn([48, 40], { dtype, generator: g }).mul(0.2).requiresGrad_(),
  ];
}

// x·e^x with e^x computed once: its forward saves e^x for the vjp (built in below, as the
// activations are, so backward gives the saved array back to the pool once the rule has run)
const xExp = defineOp<[Tensor]>({
  name: "testXExpSaving",
  shape: ([x]) => x.shape,
  forward: (be, [x], _attrs, out) => {
    const e = be.unary("exp", x.data, out.dtype);
    const output = be.binary("mul", x.data, x.shape, e, x.shape, out.shape, out.dtype);
    return out.recording ? { output, saved: [e] } : output;
  },
  // d/dx x e^x = (1 + x) e^x
  vjp: (g, { inputs: [x], saved: [e] }) => [g.mul(x.add(1)).mul(e ?? x.exp())],
});
markBuiltinOps();

/** A step whose graph passes one gradient to several inputs, uses tensors twice and views them. */
function loss(ps: Tensor[], x: Tensor, seen: Tensor[]): Tensor {
  const [w1, b1, w2] = ps as [Tensor, Tensor, Tensor];
  const a = x.matmul(w1).add(b1); // add: g to both inputs; the bias's is summed over the batch
  const h = a.maximum(0).add(a.mul(0.1)); // a used twice
  h.registerHook((g) => {
    seen.push(g); // user code keeps this gradient
    return undefined;
  });
  // views of h; W2 through x·e^x (a length of its own: its saved array finds room in the pool)
  const z = h
    .reshape([32, 96])
    .reshape([64, 48])
    .matmul(xExp([w2]));
  const r = z.retainGrad();
  return r.mul(r).mean().add(z.exp().mul(0.01).sum()).add(h.sum().mul(0.001));
}

describe("backward reuses dead arrays", () => {
  it.each(dtypes)("with the same bits as without reuse, over many steps (%s)", (dtype) => {
    const reused = params(dtype, 1);
    const plain = params(dtype, 1);
    const seenReused: Tensor[] = [];
    const seenPlain: Tensor[] = [];
    const copies: number[][] = [];
    const reusedBefore = outputPoolStats().reused;
    for (let step = 0; step < 6; step++) {
      const x = randn([64, 64], { dtype, generator: new Generator(100 + step) });
      const l1 = loss(reused, x, seenReused);
      l1.backward();
      const l2 = loss(plain, x, seenPlain);
      l2.backward(undefined, { createGraph: true });
      reused.forEach((p, i) => {
        const q = plain[i] as Tensor;
        expect(Array.from(p.grad?.data() ?? []), `step ${step} param ${i}`).toEqual(
          Array.from(q.grad?.data() ?? []),
        );
      });
      const hookGrad = Array.from(seenReused.at(-1)?.data() ?? []);
      expect(hookGrad, `hook gradient, step ${step}`).toEqual(
        Array.from(seenPlain.at(-1)?.data() ?? []),
      );
      copies.push(hookGrad);
      // every step: the gradient the hook saw, as it was then, is still what it holds now
      seenReused.forEach((g, i) => {
        expect(Array.from(g.data()), `hook gradient of step ${i}`).toEqual(copies[i]);
      });
      if (step % 2 === 1) {
        // SGD, and gradients accumulate across two steps in between
        noGrad(() => {
          for (const ps of [reused, plain])
            for (const p of ps) {
              p.sub_(p.grad as Tensor, 0.01);
              p.grad = null;
            }
        });
      }
    }
    // the wasm backend's outputs come from the pool (the CPU backend's only for scalar broadcasts)
    if (getBackend().name.startsWith("wasm"))
      expect(outputPoolStats().reused).toBeGreaterThan(reusedBefore + 10);
  });
});
