import type { DType, TypedArray } from "@fluxion/core";

/** The safetensors dtype names Fluxion reads and writes. */
export type SafetensorsDType = "F32" | "F64" | "I32";

/** Per dtype: its safetensors name, bytes per element and typed array. */
export const dtypeInfo = {
  float32: { name: "F32", bytes: 4, array: Float32Array },
  float64: { name: "F64", bytes: 8, array: Float64Array },
  int32: { name: "I32", bytes: 4, array: Int32Array },
} as const satisfies {
  [K in DType]: {
    name: SafetensorsDType;
    bytes: number;
    array: { new (buffer: ArrayBuffer): TypedArray; new (n: number): TypedArray };
  };
};

/** The Fluxion dtype of a safetensors dtype name, or undefined when unsupported. */
export function fromSafetensorsDType(name: unknown): DType | undefined {
  for (const [dtype, info] of Object.entries(dtypeInfo))
    if (info.name === name) return dtype as DType;
  return undefined;
}

/** Whether this platform stores numbers little-endian (then bytes can be copied as they are). */
export const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
