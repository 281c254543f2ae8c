/** The ONNX protobuf messages (generated code of the `onnx-proto` package) and dtype codes. */

import onnxProto from "onnx-proto";
import type { OnnxDType } from "./types.js";

export const onnx = onnxProto.onnx;
export type NodeProto = onnxProto.onnx.INodeProto;
export type TensorProto = onnxProto.onnx.ITensorProto;
export type AttributeProto = onnxProto.onnx.IAttributeProto;
export type ModelProto = onnxProto.onnx.IModelProto;
export type ValueInfoProto = onnxProto.onnx.IValueInfoProto;

/** ONNX TensorProto.DataType codes. */
export const onnxDataType: Readonly<Record<OnnxDType, number>> = {
  float32: onnx.TensorProto.DataType.FLOAT,
  float64: onnx.TensorProto.DataType.DOUBLE,
  int32: onnx.TensorProto.DataType.INT32,
  int64: onnx.TensorProto.DataType.INT64,
  bool: onnx.TensorProto.DataType.BOOL,
};

/** Little-endian raw bytes of `values` stored as `dtype` (ONNX's raw_data layout). */
export function rawBytes(values: ArrayLike<number>, dtype: OnnxDType): Uint8Array {
  const n = values.length;
  switch (dtype) {
    case "float32":
      return bytesOf(Float32Array.from(values));
    case "float64":
      return bytesOf(Float64Array.from(values));
    case "int32":
      return bytesOf(Int32Array.from(values));
    case "int64": {
      const out = new BigInt64Array(n);
      for (let i = 0; i < n; i++) out[i] = BigInt(Math.trunc(values[i] ?? 0));
      return bytesOf(out);
    }
    case "bool":
      return Uint8Array.from(values, (v) => (v ? 1 : 0));
  }
}

function bytesOf(a: Float32Array | Float64Array | Int32Array | BigInt64Array): Uint8Array {
  // Typed arrays use the platform's byte order; every platform Node and browsers run on is
  // little-endian, which is what ONNX's raw_data requires.
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
