import { defaultDevice, init, jit, nn, numpy as np, tree, valueAndGrad } from "@jax-js/jax";
import {
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

type Arr = np.Array;

async function ready(): Promise<void> {
  const devices = await init("wasm");
  if (!devices.includes("wasm")) throw new Error("jax-js: the wasm device is not available");
  defaultDevice("wasm");
}

function arr(data: Float32Array, shape: number[]): Arr {
  return np.array(data).reshape(shape);
}

/**
 * jax-js 0.1.x on its wasm device, with jit, following its ownership rules (an argument is
 * consumed unless passed as `.ref`). Each step waits for its result.
 */
export function jaxjs(): Impl {
  const keep: Arr[] = [];
  return {
    name: "jax-js",
    async matmul(kind: MatmulKind) {
      await ready();
      const n = MATMUL_N;
      const a = arr(uniform(n * n, 1), [n, n]);
      const b = arr(uniform(n * n, 2), [n, n]);
      keep.push(a, b);
      const f = jit((x: Arr, y: Arr) =>
        kind === "NN"
          ? np.matmul(x, y)
          : kind === "TN"
            ? np.matmul(x.transpose(), y)
            : np.matmul(x, y.transpose()),
      );
      return async () => {
        const c = f(a.ref, b.ref);
        await c.blockUntilReady();
        c.dispose();
      };
    },
    async mlp() {
      await ready();
      const { sizes, batch, lr } = MLP;
      let params: Arr[] = [];
      for (let l = 0; l + 1 < sizes.length; l++) {
        const fi = sizes[l] as number;
        const fo = sizes[l + 1] as number;
        params.push(arr(weights(fi, fo, 10 + l), [fi, fo]), arr(new Float32Array(fo), [fo]));
      }
      const classes = sizes[3] as number;
      const x = arr(uniform(batch * (sizes[0] as number), 3), [batch, sizes[0] as number]);
      const y = arr(oneHotF32(labels(batch, classes, 4), classes), [batch, classes]);
      keep.push(x, y);
      const lossFn = (p: Arr[], xb: Arr, yb: Arr): Arr => {
        let h = xb;
        for (let l = 0; l < 3; l++) {
          h = np.matmul(h, p[2 * l] as Arr).add(p[2 * l + 1] as Arr);
          if (l < 2) h = nn.relu(h);
        }
        const logp = h.ref.sub(nn.logsumexp(h, 1, { keepdims: true }));
        return np.sum(logp.mul(yb)).mul(-1 / batch);
      };
      const step = jit((p: Arr[], xb: Arr, yb: Arr): [Arr, Arr[]] => {
        const [loss, g] = valueAndGrad(lossFn)(tree.ref(p), xb, yb) as [Arr, Arr[]];
        const next = p.map((w, i) => w.sub((g[i] as Arr).mul(lr)));
        return [loss, next];
      });
      return async () => {
        const [loss, next] = step(params, x.ref, y.ref);
        params = next;
        const v = (await loss.data())[0];
        return v;
      };
    },
    async tanh20() {
      await ready();
      const { layers, width, batch, lr } = TANH;
      let params: Arr[] = [];
      for (let l = 0; l < layers; l++)
        params.push(
          arr(weights(width, width, 100 + l), [width, width]),
          arr(new Float32Array(width), [width]),
        );
      const x = arr(uniform(batch * width, 5), [batch, width]);
      keep.push(x);
      const lossFn = (p: Arr[], xb: Arr): Arr => {
        let h = xb;
        for (let l = 0; l < layers; l++)
          h = np.tanh(np.matmul(h, p[2 * l] as Arr).add(p[2 * l + 1] as Arr));
        return np.mean(h.ref.mul(h));
      };
      const step = jit((p: Arr[], xb: Arr): [Arr, Arr[]] => {
        const [loss, g] = valueAndGrad(lossFn)(tree.ref(p), xb) as [Arr, Arr[]];
        const next = p.map((w, i) => w.sub((g[i] as Arr).mul(lr)));
        return [loss, next];
      });
      return async () => {
        const [loss, next] = step(params, x.ref);
        params = next;
        return (await loss.data())[0];
      };
    },
    async gelu() {
      await ready();
      const x = arr(uniform(GELU_N, 6, -4, 4), [GELU_N]);
      keep.push(x);
      // nn.gelu defaults to the tanh approximation, as in JAX.
      const f = jit(valueAndGrad((v: Arr) => np.sum(nn.gelu(v))));
      return async () => {
        const [value, g] = f(x.ref) as [Arr, Arr];
        await g.blockUntilReady();
        value.dispose();
        g.dispose();
      };
    },
    dispose() {
      for (const a of keep) a.dispose();
      keep.length = 0;
    },
  };
}
