import {
  div,
  getBackend,
  getNumThreads,
  noGrad,
  setBackend,
  setNumThreads,
  sub,
  type Tensor,
  tensor,
} from "@fluxion/core";
import {
  GELU_A,
  GELU_C,
  GELU_N,
  type Impl,
  labels,
  MATMUL_N,
  type MatmulKind,
  MLP,
  TANH,
  uniform,
  weights,
} from "../workloads.js";

type Unary = (x: Tensor) => Tensor;

/**
 * An activation from @fluxion/activations when it exists (its fused kernel), else undefined. Read
 * through a record so the bench builds before and after the activations package lands.
 */
// A dynamic import, so that the bench still runs while the activations package is mid-change.
const activations: Record<string, unknown> = await import("@fluxion/activations").catch(() => ({}));

function activation(name: string): ((x: Tensor, opts?: object) => Tensor) | undefined {
  const f = activations[name];
  return typeof f === "function" ? (f as (x: Tensor, opts?: object) => Tensor) : undefined;
}

const reluAct = activation("relu");
const tanhAct = activation("tanh");
const geluAct = activation("gelu");

/** Which activations the bench took from @fluxion/activations (the rest are composed of core ops). */
export const usedActivations = { relu: !!reluAct, tanh: !!tanhAct, gelu: !!geluAct };

const relu: Unary = reluAct ? (x) => reluAct(x) : (x) => x.maximum(0);
// tanh x = 1 − 2 / (e^{2x} + 1): exact in float arithmetic for large |x| (e^{2x} → ∞ or 0)
const tanh: Unary = tanhAct ? (x) => tanhAct(x) : (x) => sub(1, div(2, x.mul(2).exp().add(1)));

function t32(data: Float32Array, shape: number[], requiresGrad = false): Tensor {
  const t = tensor(data, { shape });
  return requiresGrad ? t.requiresGrad_() : t;
}

function sgd(params: Tensor[], lr: number): void {
  noGrad(() => {
    for (const p of params) {
      p.sub_(p.grad as Tensor, lr);
      p.grad = null;
    }
  });
}

/** Fluxion on one of its backends. */
export function fluxion(backend: string): Impl {
  const use = () => setBackend(backend);
  // Steps of several libraries and backends are timed interleaved: each step selects its backend.
  const on =
    <T>(step: () => T) =>
    (): T => {
      use();
      return step();
    };
  const impl = {
    name: `fluxion-${backend}`,
    async matmul(kind: MatmulKind, threads?: number) {
      use();
      const n = MATMUL_N;
      const a = t32(uniform(n * n, 1), [n, n]);
      const b = t32(uniform(n * n, 2), [n, n]);
      // Aᵀ·B and A·Bᵀ: the backend kernel that backward runs (operands read in place, as matmul's
      // vjp does); the public a.T.matmul(b) would first copy the transpose.
      const be = getBackend();
      const [ad, bd] = [a.data(), b.data()];
      const mm =
        kind === "NN"
          ? () => a.matmul(b)
          : () =>
              be.matmul(ad, [n, n], bd, [n, n], kind === "TN", kind === "NT", [n, n], "float32");
      if (threads === undefined) return mm;
      return () => {
        const before = getNumThreads();
        setNumThreads(threads);
        try {
          return mm();
        } finally {
          setNumThreads(before);
        }
      };
    },
    async mlp() {
      use();
      const { sizes, batch, lr } = MLP;
      const params: Tensor[] = [];
      for (let l = 0; l + 1 < sizes.length; l++) {
        const fi = sizes[l] as number;
        const fo = sizes[l + 1] as number;
        params.push(t32(weights(fi, fo, 10 + l), [fi, fo], true));
        params.push(t32(new Float32Array(fo), [fo], true));
      }
      const x = t32(uniform(batch * (sizes[0] as number), 3), [batch, sizes[0] as number]);
      const y = tensor(labels(batch, sizes[3] as number, 4), { shape: [batch, 1] });
      return () => {
        let h = x;
        for (let l = 0; l < 3; l++) {
          h = h.matmul(params[2 * l] as Tensor).add(params[2 * l + 1] as Tensor);
          if (l < 2) h = relu(h);
        }
        const logp = h.sub(h.logSumExp(1, true));
        const loss = logp.gather(1, y).mean().neg();
        loss.backward();
        sgd(params, lr);
        return loss;
      };
    },
    async tanh20() {
      use();
      const { layers, width, batch, lr } = TANH;
      const params: Tensor[] = [];
      for (let l = 0; l < layers; l++) {
        params.push(t32(weights(width, width, 100 + l), [width, width], true));
        params.push(t32(new Float32Array(width), [width], true));
      }
      const x = t32(uniform(batch * width, 5), [batch, width]);
      return () => {
        let h = x;
        for (let l = 0; l < layers; l++)
          h = tanh(h.matmul(params[2 * l] as Tensor).add(params[2 * l + 1] as Tensor));
        const loss = h.mul(h).mean();
        loss.backward();
        sgd(params, lr);
        return loss;
      };
    },
    async gelu() {
      use();
      const x = t32(uniform(GELU_N, 6, -4, 4), [GELU_N], true);
      const gelu: Unary = geluAct
        ? (v) => geluAct(v, { approximate: "tanh" })
        : (v) => v.mul(0.5).mul(tanh(v.add(v.mul(v).mul(v).mul(GELU_A)).mul(GELU_C)).add(1));
      return () => {
        const yv = gelu(x);
        yv.sum().backward();
        const g = x.grad;
        x.grad = null;
        return g;
      };
    },
  } satisfies Impl;
  return {
    name: impl.name,
    matmul: async (kind: MatmulKind, threads?: number) => on(await impl.matmul(kind, threads)),
    mlp: async () => on(await impl.mlp()),
    tanh20: async () => on(await impl.tanh20()),
    gelu: async () => on(await impl.gelu()),
  };
}
