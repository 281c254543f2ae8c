import { ArgumentError, Tensor, type TypedArray } from "@fluxion/core";
import { dtypeInfo, littleEndian } from "./dtypes.js";

/** Writes `values` little-endian into `out` at `offset`. */
function writeValues(out: Uint8Array, offset: number, values: TypedArray): void {
  if (littleEndian) {
    out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), offset);
    return;
  }
  const view = new DataView(out.buffer, out.byteOffset + offset, values.byteLength);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (values instanceof Float64Array) view.setFloat64(i * 8, v, true);
    else if (values instanceof Float32Array) view.setFloat32(i * 4, v, true);
    else view.setInt32(i * 4, v, true);
  }
}

/**
 * The safetensors encoding of named tensors (float32, float64, int32): an 8-byte little-endian
 * header length, a JSON header `{name: {dtype, shape, data_offsets}, "__metadata__"?}` padded with
 * spaces to a multiple of 8 bytes, then the raw little-endian data. Tensors are laid out by
 * decreasing alignment, then by name, so every tensor's data is aligned. Works in browsers.
 *
 * @example
 * const bytes = serializeSafetensors(model.stateDict(), { format: "pt" });
 */
export function serializeSafetensors(
  tensors: Readonly<Record<string, Tensor>>,
  metadata?: Readonly<Record<string, string>>,
): Uint8Array {
  const op = "serializeSafetensors";
  if (typeof tensors !== "object" || tensors === null)
    throw new ArgumentError(`${op}: tensors must be an object of named tensors`);
  const names = Object.keys(tensors);
  for (const name of names) {
    if (name === "" || name === "__metadata__")
      throw new ArgumentError(`${op}: ${JSON.stringify(name)} cannot be a tensor name`);
    if (!(tensors[name] instanceof Tensor))
      throw new ArgumentError(`${op}: entry ${JSON.stringify(name)} is not a Tensor`);
  }
  if (metadata !== undefined) {
    if (typeof metadata !== "object" || metadata === null)
      throw new ArgumentError(`${op}: metadata must be an object of strings`);
    for (const [k, v] of Object.entries(metadata))
      if (typeof v !== "string")
        throw new ArgumentError(
          `${op}: metadata value of ${JSON.stringify(k)} must be a string, got ${typeof v}`,
        );
  }
  const order = names
    .map((name) => ({ name, t: tensors[name] as Tensor }))
    .sort(
      (a, b) =>
        dtypeInfo[b.t.dtype].bytes - dtypeInfo[a.t.dtype].bytes ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  const header: Record<string, unknown> = {};
  if (metadata !== undefined) header.__metadata__ = { ...metadata };
  let offset = 0;
  const values: TypedArray[] = [];
  for (const { name, t } of order) {
    const data = t.data();
    values.push(data);
    const end = offset + data.byteLength;
    Object.defineProperty(header, name, {
      value: { dtype: dtypeInfo[t.dtype].name, shape: [...t.shape], data_offsets: [offset, end] },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    offset = end;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + padded + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, padded % 2 ** 32, true);
  view.setUint32(4, Math.floor(padded / 2 ** 32), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + padded);
  let at = 8 + padded;
  for (const v of values) {
    writeValues(out, at, v);
    at += v.byteLength;
  }
  return out;
}
