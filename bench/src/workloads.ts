/**
 * The workloads of issue 6, as sizes and deterministic inputs shared by every library so that each
 * computes the same thing on the same numbers.
 */

export const MATMUL_N = 1024;
export const MLP = { sizes: [784, 256, 256, 10], batch: 128, lr: 0.01 } as const;
export const TANH = { layers: 20, width: 128, batch: 64, lr: 0.01 } as const;
export const GELU_N = 1_000_000;
/** √(2/π) and the cubic coefficient of GELU's tanh form. */
export const GELU_C = Math.sqrt(2 / Math.PI);
export const GELU_A = 0.044715;

export type MatmulKind = "NN" | "TN" | "NT";

/** A library's implementation of each workload: a setup that returns one timed step. */
export interface Impl {
  readonly name: string;
  /** op(A)·op(B) of two 1024×1024 float32 matrices (TN = Aᵀ·B, NT = A·Bᵀ), on `threads` threads. */
  matmul?(kind: MatmulKind, threads?: number): Promise<() => unknown>;
  /** One SGD step of the 784-256-256-10 ReLU MLP with softmax cross-entropy, batch 128. */
  mlp?(): Promise<() => unknown>;
  /** One SGD step of a 20-layer tanh MLP, width 128, batch 64, loss mean(h²). */
  tanh20?(): Promise<() => unknown>;
  /** GELU (tanh form) of 10⁶ elements and its gradient. */
  gelu?(): Promise<() => unknown>;
  /** Frees what setup made (peers with manual memory). */
  dispose?(): void;
}

/** Uniform floats in [lo, hi) from a fixed-seed xorshift generator (identical in every library). */
export function uniform(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  let s = seed >>> 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = lo + ((hi - lo) * s) / 4294967296;
  }
  return out;
}

/** Glorot-uniform-scaled weights for a fan_in × fan_out layer. */
export function weights(fanIn: number, fanOut: number, seed: number): Float32Array {
  const a = Math.sqrt(6 / (fanIn + fanOut));
  return uniform(fanIn * fanOut, seed, -a, a);
}

/** Class labels 0..classes-1. */
export function labels(n: number, classes: number, seed: number): Int32Array {
  const u = uniform(n, seed, 0, 1);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++)
    out[i] = Math.min(classes - 1, Math.floor((u[i] as number) * classes));
  return out;
}

export function oneHotF32(y: Int32Array, classes: number): Float32Array {
  const out = new Float32Array(y.length * classes);
  for (let i = 0; i < y.length; i++) out[i * classes + (y[i] as number)] = 1;
  return out;
}
