import type { Tensor } from "@fluxion/core";
import * as ort from "onnxruntime-node";

/** Runs ONNX bytes in ONNX Runtime (CPU) on Fluxion tensors; returns each output's data and dims. */
export async function runOrt(
  bytes: Uint8Array,
  feeds: Readonly<Record<string, Tensor>>,
): Promise<
  Record<string, { data: Float32Array | Float64Array | Int32Array; dims: readonly number[] }>
> {
  const session = await ort.InferenceSession.create(bytes);
  const input: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(feeds)) {
    const data =
      t.dtype === "float32"
        ? Float32Array.from(t._data)
        : t.dtype === "float64"
          ? Float64Array.from(t._data)
          : Int32Array.from(t._data);
    input[name] = new ort.Tensor(t.dtype === "int32" ? "int32" : t.dtype, data, [...t.shape]);
  }
  const results = await session.run(input);
  const out: Record<
    string,
    { data: Float32Array | Float64Array | Int32Array; dims: readonly number[] }
  > = {};
  for (const [name, r] of Object.entries(results)) {
    const data = r.data;
    if (
      !(data instanceof Float32Array || data instanceof Float64Array || data instanceof Int32Array)
    )
      throw new Error(`output ${name} has type ${r.type}`);
    out[name] = { data, dims: r.dims };
  }
  return out;
}
