import type { DType, TypedArray } from "../../dtype.js";
import { allocate } from "../../dtype.js";
import * as m from "../../math/activation.js";
import { twoProdErr, twoSumErr } from "../../math/dd.js";
import type { Shape } from "../../shape.js";
import type { ActivationKernel } from "../backend.js";

type Fn = (x: number, p: readonly number[]) => number;

// Each kernel computes in double precision and stores into the output's dtype (so float32 results
// are the double results rounded once).
const forwardFns = {
  relu: (x) => m.relu(x),
  leakyRelu: (x, p) => m.leakyRelu(x, p[0] as number),
  elu: (x, p) => m.elu(x, p[0] as number, p[1] as number),
  sigmoid: (x) => m.sigmoid(x),
  tanh: (x) => Math.tanh(x),
  softplus: (x, p) => m.softplus(x, p[0] as number, p[1] as number),
  swish: (x, p) => m.swish(x, p[0] as number),
  gelu: (x) => m.gelu(x),
  geluTanh: (x) => m.geluTanh(x),
  mish: (x) => m.mish(x),
} satisfies { [K in ActivationKernel]: Fn };

const gradFns = {
  relu: (x) => m.reluGrad(x),
  leakyRelu: (x, p) => m.leakyReluGrad(x, p[0] as number),
  elu: (x, p) => m.eluGrad(x, p[0] as number, p[1] as number),
  sigmoid: (x) => m.sigmoidGrad(x),
  tanh: (x) => m.tanhGrad(x),
  softplus: (x, p) => m.softplusGrad(x, p[0] as number, p[1] as number),
  swish: (x, p) => m.swishGrad(x, p[0] as number),
  gelu: (x) => m.geluGrad(x),
  geluTanh: (x) => m.geluTanhGrad(x),
  mish: (x) => m.mishGrad(x),
} satisfies { [K in ActivationKernel]: Fn };

export function activation(
  op: ActivationKernel,
  x: TypedArray,
  params: readonly number[],
  outDtype: DType,
): TypedArray {
  const f = forwardFns[op];
  const n = x.length;
  const out = allocate(outDtype, n);
  for (let i = 0; i < n; i++) out[i] = f(x[i] as number, params);
  return out;
}

export function activationGrad(
  op: ActivationKernel,
  g: TypedArray,
  x: TypedArray,
  params: readonly number[],
  outDtype: DType,
): TypedArray {
  const f = gradFns[op];
  const n = x.length;
  const out = allocate(outDtype, n);
  for (let i = 0; i < n; i++) {
    const d = f(x[i] as number, params);
    // NOTE: a zero derivative gives a zero gradient even for an infinite g (relu's dead half).
    out[i] = d === 0 ? 0 : (g[i] as number) * d;
  }
  return out;
}

export function activationWithGrad(
  op: ActivationKernel,
  x: TypedArray,
  params: readonly number[],
  outDtype: DType,
): readonly [TypedArray, TypedArray] {
  const f = forwardFns[op];
  const df = gradFns[op];
  const n = x.length;
  const y = allocate(outDtype, n);
  const d = allocate(outDtype, n);
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    y[i] = f(v, params);
    d[i] = df(v, params);
  }
  return [y, d];
}

export function activationGradSaved(g: TypedArray, d: TypedArray, outDtype: DType): TypedArray {
  const n = d.length;
  const out = allocate(outDtype, n);
  const step = g.length === 1 && n !== 1 ? 0 : 1;
  for (let i = 0; i < n; i++) {
    const di = d[i] as number;
    out[i] = di === 0 ? 0 : (g[i * step] as number) * di;
  }
  return out;
}

/** Sizes of the axes before `axis`, of `axis`, and after it. */
function split(shape: Shape, axis: number): [number, number, number] {
  let outer = 1;
  let inner = 1;
  for (let i = 0; i < axis; i++) outer *= shape[i] as number;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i] as number;
  return [outer, shape[axis] as number, inner];
}

export function softmax(
  x: TypedArray,
  shape: Shape,
  axis: number,
  temperature: number,
  log: boolean,
  outDtype: DType,
): TypedArray {
  const [outer, len, inner] = split(shape, axis);
  const out = allocate(outDtype, x.length);
  const row = new Float64Array(len);
  const rowLo = new Float64Array(len);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * len * inner + i;
      // NaN anywhere in the row makes the maximum (and so the whole row) NaN.
      let mx = -Infinity;
      let at = 0;
      for (let k = 0; k < len; k++) {
        const v = x[base + k * inner] as number;
        if (v > mx || v !== v) {
          mx = v;
          at = k;
        }
        if (mx !== mx) break;
      }
      // NOTE: z = (x − max)/T is formed as z + zLo without rounding error (e^z has relative error
      // |z|·δ for an error δ in z: 7e-14 at z = −666 if rounded), and the sum is 1 + rest with rest
      // the sum over all but one maximum, so log1p(rest) keeps logSoftmax exact where it is tiny.
      let rest = 0;
      for (let k = 0; k < len; k++) {
        const v = x[base + k * inner] as number;
        const d = v - mx;
        let z = d;
        let zLo = twoSumErr(v, -mx, d);
        if (temperature !== 1) {
          z = d / temperature;
          const p = z * temperature;
          zLo = (d - p - twoProdErr(z, temperature, p) + zLo) / temperature;
        }
        if (!Number.isFinite(zLo) || !(Math.abs(z) < 1e300)) zLo = 0;
        row[k] = z;
        rowLo[k] = zLo;
        if (k !== at) rest += Math.exp(z) * (1 + zLo);
      }
      if (log) {
        const ls = Math.log1p(rest);
        for (let k = 0; k < len; k++)
          out[base + k * inner] = (row[k] as number) - ls + (rowLo[k] as number);
      } else {
        const sum = 1 + rest;
        for (let k = 0; k < len; k++) {
          const e = Math.exp(row[k] as number) * (1 + (rowLo[k] as number));
          out[base + k * inner] = e / sum;
        }
      }
    }
  }
  return out;
}

export function softmaxGrad(
  g: TypedArray,
  y: TypedArray,
  shape: Shape,
  axis: number,
  temperature: number,
  log: boolean,
  outDtype: DType,
): TypedArray {
  const [outer, len, inner] = split(shape, axis);
  const out = allocate(outDtype, y.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * len * inner + i;
      let s = 0;
      if (log) {
        for (let k = 0; k < len; k++) s += g[base + k * inner] as number;
        for (let k = 0; k < len; k++) {
          const j = base + k * inner;
          out[j] = ((g[j] as number) - Math.exp(y[j] as number) * s) / temperature;
        }
      } else {
        for (let k = 0; k < len; k++) {
          const j = base + k * inner;
          s += (g[j] as number) * (y[j] as number);
        }
        for (let k = 0; k < len; k++) {
          const j = base + k * inner;
          out[j] = ((y[j] as number) * ((g[j] as number) - s)) / temperature;
        }
      }
    }
  }
  return out;
}
