/**
 * The PyTorch round trip, without PyTorch: scripts/pytorch/roundtrip.py wrote PyTorch's weights
 * (golden/net.safetensors, float32, PyTorch's key names) and its float64 outputs, loss, gradients
 * and 5-step SGD and Adam trajectories from them (golden/golden.safetensors). Fluxion loads the
 * same weights into the same architecture and must match every number. It also checks the files
 * Fluxion wrote for the script to read back (golden/fluxion-*.safetensors) are still what Fluxion
 * computes. To regenerate (see docs/pytorch-and-onnx.md):
 *   /usr/bin/python3 scripts/pytorch/roundtrip.py write
 *   FLUXION_WRITE_GOLDENS=1 npx vitest run test/pytorch
 *   /usr/bin/python3 scripts/pytorch/roundtrip.py check
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Tensor } from "@fluxion/core";
import {
  Adam,
  crossEntropy,
  deserializeSafetensors,
  GELU,
  Linear,
  Module,
  Sequential,
  SGD,
  serializeSafetensors,
  Tanh,
} from "@fluxion/nn";
import { describe, expect, it } from "vitest";

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), "../../scripts/pytorch/golden");
const STEPS = 5;
const RTOL = 1e-9;
const ATOL = 1e-12;

/** The script's Net: the same modules under the same names, so the state_dict keys agree. */
class Net extends Module {
  encoder = new Sequential(
    new Linear(4, 16, { dtype: "float64" }),
    new Tanh(),
    new Linear(16, 8, { dtype: "float64" }),
    new GELU(),
  );
  head = new Linear(8, 3, { dtype: "float64" });
  override forward(x: Tensor): Tensor {
    return this.head.call(this.encoder.call(x));
  }
}

function read(name: string): Record<string, Tensor> {
  const buf = readFileSync(join(GOLDEN, name));
  return deserializeSafetensors(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)).tensors;
}

const golden = read("golden.safetensors");
const pytorchWeights = read("net.safetensors");

function g(name: string): Tensor {
  const t = golden[name];
  if (!t) throw new Error(`golden.safetensors has no "${name}"`);
  return t;
}

function expectClose(actual: Tensor, expected: Tensor, what: string): void {
  expect(actual.shape, `${what}: shape`).toEqual(expected.shape);
  const a = actual._data;
  const e = expected._data;
  for (let i = 0; i < e.length; i++) {
    const diff = Math.abs((a[i] as number) - (e[i] as number));
    if (!(diff <= RTOL * Math.abs(e[i] as number) + ATOL))
      expect.fail(`${what}: element ${i} is ${a[i]} in Fluxion but ${e[i]} in PyTorch`);
  }
}

function loaded(): Net {
  const net = new Net();
  // float32 weights into a float64 model: PyTorch computed its goldens from the same values
  net.loadStateDict(pytorchWeights);
  return net;
}

const optimizers: Record<string, (net: Net) => { zeroGrad(): void; step(): void }> = {
  sgd: (net) =>
    new SGD(net.parameters(), { lr: 0.1, momentum: 0.9, nesterov: true, weightDecay: 0.01 }),
  adam: (net) =>
    new Adam(net.parameters(), { lr: 0.01, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 }),
};

describe("PyTorch round trip (goldens from scripts/pytorch/roundtrip.py)", () => {
  it("PyTorch's state_dict keys are Fluxion's", () => {
    expect(Object.keys(pytorchWeights).sort()).toEqual(Object.keys(new Net().stateDict()).sort());
    expect(pytorchWeights["encoder.0.weight"]?.dtype).toBe("float32");
  });

  it("outputs, loss and gradients match PyTorch's", () => {
    const net = loaded();
    const out = net.call(g("input"));
    expectClose(out, g("output"), "output");
    const loss = crossEntropy(out, g("target"));
    expectClose(loss, g("loss"), "loss");
    loss.backward();
    for (const [name, p] of net.namedParameters()) {
      if (!p.grad) throw new Error(`${name} has no gradient`);
      expectClose(p.grad, g(`grad.${name}`), `gradient of ${name}`);
    }
  });

  for (const [opt, make] of Object.entries(optimizers)) {
    it(`${STEPS} steps of ${opt} follow PyTorch's trajectory, and the file Fluxion saved is current`, () => {
      const net = loaded();
      const optimizer = make(net);
      for (let step = 0; step < STEPS; step++) {
        optimizer.zeroGrad();
        const loss = crossEntropy(net.call(g("input")), g("target"));
        loss.backward();
        optimizer.step();
        expectClose(
          loss.reshape([1]),
          g(`${opt}.loss`).slice([[step, step + 1]]),
          `${opt} loss at step ${step}`,
        );
        for (const [name, p] of net.namedParameters())
          expectClose(
            p,
            g(`${opt}.${name}`).slice([step]),
            `${opt}: ${name} after step ${step + 1}`,
          );
      }
      const file = `fluxion-${opt}.safetensors`;
      if (process.env.FLUXION_WRITE_GOLDENS === "1") {
        writeFileSync(join(GOLDEN, file), serializeSafetensors(net.stateDict(), { format: "pt" }));
      }
      // what scripts/pytorch/roundtrip.py check loads into PyTorch
      const saved = read(file);
      const state = net.stateDict();
      expect(Object.keys(saved).sort()).toEqual(Object.keys(state).sort());
      for (const [name, t] of Object.entries(state))
        expectClose(saved[name] ?? t, t, `${file}: ${name}`);
    });
  }
});
