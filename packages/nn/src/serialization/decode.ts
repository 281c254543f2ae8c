import type { DType, Tensor, TypedArray } from "@fluxion/core";
import { tensor } from "@fluxion/core";
import { dtypeInfo, fromSafetensorsDType, littleEndian } from "./dtypes.js";
import { SafetensorsError } from "./errors.js";

/** Largest header accepted, as in the reference implementation (100 MB). */
export const MAX_HEADER_BYTES = 100_000_000;

/** What `deserializeSafetensors` returns. */
export interface SafetensorsContents {
  /** The tensors by name (PyTorch-style `stateDict` keys). */
  tensors: Record<string, Tensor>;
  /** The `__metadata__` strings (empty when the file has none). */
  metadata: Record<string, string>;
}

interface Entry {
  name: string;
  dtype: DType;
  shape: number[];
  begin: number;
  end: number;
}

const fail = (msg: string): never => {
  throw new SafetensorsError(`deserializeSafetensors: ${msg}`);
};

const isIndex = (v: unknown): v is number =>
  typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

function parseEntry(name: string, info: unknown, dataBytes: number): Entry {
  const where = `tensor ${JSON.stringify(name)}`;
  if (typeof info !== "object" || info === null || Array.isArray(info))
    fail(`${where}: header entry must be an object with dtype, shape and data_offsets`);
  const { dtype: dtypeName, shape, data_offsets: offsets } = info as Record<string, unknown>;
  const dtype = fromSafetensorsDType(dtypeName);
  if (dtype === undefined)
    return fail(
      `${where}: unsupported dtype ${JSON.stringify(dtypeName)} (supported: F32, F64, I32)`,
    );
  if (!Array.isArray(shape) || !shape.every(isIndex))
    fail(`${where}: shape must be a list of non-negative integers, got ${JSON.stringify(shape)}`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isIndex))
    fail(
      `${where}: data_offsets must be [begin, end] non-negative integers, got ${JSON.stringify(offsets)}`,
    );
  const [begin, end] = offsets as [number, number];
  if (begin > end) fail(`${where}: data_offsets [${begin}, ${end}] end before they begin`);
  if (end > dataBytes)
    fail(
      `${where}: data_offsets [${begin}, ${end}] are out of bounds of the ${dataBytes}-byte data section (truncated file?)`,
    );
  const count = (shape as number[]).reduce((a, b) => a * b, 1);
  const expected = count * dtypeInfo[dtype].bytes;
  if (end - begin !== expected)
    fail(
      `${where}: ${dtypeName} of shape [${(shape as number[]).join(", ")}] needs ${expected} bytes but data_offsets [${begin}, ${end}] hold ${end - begin}`,
    );
  return { name, dtype, shape: shape as number[], begin, end };
}

/** Copies the little-endian bytes of an entry into a fresh typed array. */
function readValues(data: Uint8Array, e: Entry): TypedArray {
  const info = dtypeInfo[e.dtype];
  // NOTE: a fresh, exactly sized copy: `slice` on a Node Buffer is a view into a shared pool, and
  // a view's `.buffer` is the whole pool (a wrong length, or misaligned for Float64Array).
  const bytes = new Uint8Array(e.end - e.begin);
  bytes.set(data.subarray(e.begin, e.end));
  if (littleEndian) return new info.array(bytes.buffer);
  const n = (e.end - e.begin) / info.bytes;
  const out = new info.array(n);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < n; i++)
    out[i] =
      e.dtype === "float64"
        ? view.getFloat64(i * 8, true)
        : e.dtype === "float32"
          ? view.getFloat32(i * 4, true)
          : view.getInt32(i * 4, true);
  return out;
}

/**
 * Reads safetensors bytes (see `serializeSafetensors`) into tensors, validating everything first:
 * a buffer shorter than its header, a header length larger than the file or than 100 MB, a header
 * that is not UTF-8 JSON, unsupported dtypes, offsets that overlap, leave gaps or run past the
 * data, and byte lengths that disagree with dtype and shape are each a SafetensorsError. Only
 * JSON and raw numbers are read: loading never executes anything. Works in browsers.
 *
 * @example
 * const { tensors } = deserializeSafetensors(bytes);
 * model.loadStateDict(tensors);
 */
export function deserializeSafetensors(bytes: Uint8Array): SafetensorsContents {
  if (!(bytes instanceof Uint8Array)) fail("expected a Uint8Array");
  if (bytes.length < 8)
    fail(`truncated: ${bytes.length} bytes is shorter than the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerBytes = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (headerBytes > MAX_HEADER_BYTES)
    fail(`header length ${headerBytes} is larger than the ${MAX_HEADER_BYTES}-byte limit`);
  if (8 + headerBytes > bytes.length)
    fail(
      `truncated: the header length says ${headerBytes} bytes but only ${bytes.length - 8} follow it`,
    );
  let text = "";
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + headerBytes));
  } catch {
    fail("the header is not valid UTF-8");
  }
  if (!text.startsWith("{")) fail("the header is not a JSON object (it must start with '{')");
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    fail(`the header is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof header !== "object" || header === null || Array.isArray(header))
    fail("the header is not a JSON object");
  const data = bytes.subarray(8 + headerBytes);
  const metadata: Record<string, string> = {};
  const entries: Entry[] = [];
  for (const [name, info] of Object.entries(header as Record<string, unknown>)) {
    if (name !== "__metadata__") {
      entries.push(parseEntry(name, info, data.length));
      continue;
    }
    if (typeof info !== "object" || info === null || Array.isArray(info))
      fail("__metadata__ must be an object of strings");
    for (const [k, v] of Object.entries(info as Record<string, unknown>)) {
      if (typeof v !== "string") fail(`__metadata__ value of ${JSON.stringify(k)} is not a string`);
      Object.defineProperty(metadata, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  const sorted = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let next = 0;
  for (const e of sorted) {
    if (e.begin < next)
      fail(
        `tensor ${JSON.stringify(e.name)}: data_offsets [${e.begin}, ${e.end}] overlap the previous tensor, which ends at ${next}`,
      );
    if (e.begin > next)
      fail(
        `tensor ${JSON.stringify(e.name)}: data_offsets [${e.begin}, ${e.end}] leave a gap after byte ${next}`,
      );
    next = e.end;
  }
  if (next !== data.length)
    fail(`the data section has ${data.length} bytes but the tensors cover ${next}`);
  const tensors: Record<string, Tensor> = {};
  for (const e of entries)
    Object.defineProperty(tensors, e.name, {
      value: tensor(readValues(data, e), { shape: e.shape }),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return { tensors, metadata };
}
