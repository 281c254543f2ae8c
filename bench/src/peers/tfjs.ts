import { createRequire } from "node:module";
import { dirname } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core's Node build registers no gradients and its per-file ESM build does not load in Node;
// the union package's Node build registers them (it also pulls in layers, data and webgl, unused).
import "@tensorflow/tfjs";
import { setThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import type { Step } from "../harness.js";
import {
  GELU_A,
  GELU_C,
  GELU_N,
  type Impl,
  labels,
  MATMUL_N,
  type MatmulKind,
  MLP,
  oneHotF32,
  TANH,
  uniform,
  weights,
} from "../workloads.js";

let wasmReady = false;

async function useBackend(name: "cpu" | "wasm"): Promise<void> {
  if (name === "wasm" && !wasmReady) {
    // The .wasm binaries ship inside the npm package: point the loader at them (no network).
    const require = createRequire(import.meta.url);
    const dist = dirname(
      require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"),
    );
    setWasmPaths(`${dist}/`);
    setThreadsCount(1);
    wasmReady = true;
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tfjs: backend ${name} failed to initialise`);
  await tf.ready();
}

function gelu(x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), GELU_A)), GELU_C);
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
}

/** TensorFlow.js on its cpu or wasm backend. Each step reads its result back, so it has finished. */
export function tfjs(backend: "cpu" | "wasm"): Impl {
  // tfjs has one global backend: the last library set up (tfjs-cpu) would otherwise run the
  // interleaved steps of tfjs-wasm too. A step switches back first (once per run of steps).
  const onBackend =
    (step: () => unknown): Step =>
    () =>
      tf.getBackend() === backend ? step() : useBackend(backend).then(step);
  const keep: tf.Tensor[] = [];
  const vars = (data: Float32Array, shape: number[]) => {
    const v = tf.variable(tf.tensor(data, shape));
    keep.push(v);
    return v;
  };
  const sgd = (vs: tf.Variable[], grads: Record<string, tf.Tensor>, lr: number) => {
    for (const v of vs) {
      const g = grads[v.name] as tf.Tensor;
      v.assign(tf.tidy(() => tf.sub(v, tf.mul(g, lr))));
    }
  };
  return {
    name: `tfjs-${backend}`,
    async matmul(kind: MatmulKind) {
      await useBackend(backend);
      const n = MATMUL_N;
      const a = tf.tensor(uniform(n * n, 1), [n, n]);
      const b = tf.tensor(uniform(n * n, 2), [n, n]);
      keep.push(a, b);
      return onBackend(() => {
        const c = tf.matMul(a, b, kind === "TN", kind === "NT");
        c.dataSync();
        c.dispose();
      });
    },
    async mlp() {
      await useBackend(backend);
      const { sizes, batch, lr } = MLP;
      const vs: tf.Variable[] = [];
      for (let l = 0; l + 1 < sizes.length; l++) {
        const fi = sizes[l] as number;
        const fo = sizes[l + 1] as number;
        vs.push(vars(weights(fi, fo, 10 + l), [fi, fo]), vars(new Float32Array(fo), [fo]));
      }
      const x = tf.tensor(uniform(batch * (sizes[0] as number), 3), [batch, sizes[0] as number]);
      const classes = sizes[3] as number;
      const y = tf.tensor(oneHotF32(labels(batch, classes, 4), classes), [batch, classes]);
      keep.push(x, y);
      return onBackend(() => {
        const { value, grads } = tf.variableGrads(() => {
          let h: tf.Tensor = x;
          for (let l = 0; l < 3; l++) {
            h = tf.add(tf.matMul(h, vs[2 * l] as tf.Variable), vs[2 * l + 1] as tf.Variable);
            if (l < 2) h = tf.relu(h);
          }
          const logp = tf.sub(h, tf.logSumExp(h, 1, true));
          return tf.div(tf.neg(tf.sum(tf.mul(logp, y))), batch) as tf.Scalar;
        }, vs);
        sgd(vs, grads, lr);
        const loss = value.dataSync()[0];
        value.dispose();
        tf.dispose(grads);
        return loss;
      });
    },
    async tanh20() {
      await useBackend(backend);
      const { layers, width, batch, lr } = TANH;
      const vs: tf.Variable[] = [];
      for (let l = 0; l < layers; l++)
        vs.push(
          vars(weights(width, width, 100 + l), [width, width]),
          vars(new Float32Array(width), [width]),
        );
      const x = tf.tensor(uniform(batch * width, 5), [batch, width]);
      keep.push(x);
      return onBackend(() => {
        const { value, grads } = tf.variableGrads(() => {
          let h: tf.Tensor = x;
          for (let l = 0; l < layers; l++)
            h = tf.tanh(
              tf.add(tf.matMul(h, vs[2 * l] as tf.Variable), vs[2 * l + 1] as tf.Variable),
            );
          return tf.mean(tf.mul(h, h)) as tf.Scalar;
        }, vs);
        sgd(vs, grads, lr);
        const loss = value.dataSync()[0];
        value.dispose();
        tf.dispose(grads);
        return loss;
      });
    },
    async gelu() {
      await useBackend(backend);
      const x = tf.tensor(uniform(GELU_N, 6, -4, 4), [GELU_N]);
      keep.push(x);
      const vg = tf.valueAndGrad((v: tf.Tensor) => tf.sum(gelu(v)));
      return onBackend(() => {
        const { value, grad } = vg(x);
        grad.dataSync();
        value.dispose();
        grad.dispose();
      });
    },
    dispose() {
      tf.dispose(keep);
      keep.length = 0;
    },
  };
}
