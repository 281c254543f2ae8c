import { type Tensor, tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { deserializeSafetensors } from "./decode.js";
import { serializeSafetensors } from "./encode.js";
import { SafetensorsError } from "./errors.js";

const bytesOf = (t: Tensor) => {
  const d = t.data();
  return Array.from(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
};

/** A safetensors file assembled by hand: header length, JSON header, data. */
function handmade(header: unknown, data: Uint8Array, lengthOverride?: number): Uint8Array {
  const json = new TextEncoder().encode(
    typeof header === "string" ? header : JSON.stringify(header),
  );
  const out = new Uint8Array(8 + json.length + data.length);
  const view = new DataView(out.buffer);
  const n = lengthOverride ?? json.length;
  view.setUint32(0, n % 2 ** 32, true);
  view.setUint32(4, Math.floor(n / 2 ** 32), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

const specials = [0, -0, 1.5, -3.25, Number.NaN, Infinity, -Infinity, 1e-40, 3.4e38, Math.PI];

describe("safetensors round trip", () => {
  it("is bit-exact for float32, float64 and int32, with metadata, scalars and empty tensors", () => {
    const tensors = {
      "0.weight": tensor(specials, { dtype: "float32" }).reshape([2, 5]),
      "0.bias": tensor([...specials, 5e-324, Number.MAX_VALUE], { dtype: "float64" }),
      "1.steps": tensor([-2147483648, 2147483647, 0, -1], { dtype: "int32" }).reshape([2, 1, 2]),
      scalar: tensor([42], { dtype: "float64" }).reshape([]),
      empty: tensor([], { dtype: "float32" }).reshape([0, 3]),
    };
    const bytes = serializeSafetensors(tensors, { format: "pt", note: "ünïcödé" });
    const { tensors: back, metadata } = deserializeSafetensors(bytes);
    expect(metadata).toEqual({ format: "pt", note: "ünïcödé" });
    expect(Object.keys(back).sort()).toEqual(Object.keys(tensors).sort());
    for (const [name, t] of Object.entries(tensors)) {
      const u = back[name] as Tensor;
      expect(u.dtype).toBe(t.dtype);
      expect(u.shape).toEqual(t.shape);
      expect(bytesOf(u)).toEqual(bytesOf(t));
    }
  });

  it("writes the documented layout, as an independent reader sees it", () => {
    const bytes = serializeSafetensors({
      b: tensor([1, -2], { dtype: "int32" }),
      a: tensor([0.5, 2], { dtype: "float64" }),
    });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const n = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
    expect(n % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
    expect(header).toEqual({
      a: { dtype: "F64", shape: [2], data_offsets: [0, 16] },
      b: { dtype: "I32", shape: [2], data_offsets: [16, 24] },
    });
    const base = 8 + n;
    expect(bytes.length).toBe(base + 24);
    expect(view.getFloat64(base, true)).toBe(0.5);
    expect(view.getFloat64(base + 8, true)).toBe(2);
    expect(view.getInt32(base + 16, true)).toBe(1);
    expect(view.getInt32(base + 20, true)).toBe(-2);
  });

  it("reads a file written by hand", () => {
    const data = new Uint8Array(4 * 3 + 8 + 4);
    const dv = new DataView(data.buffer);
    [1.25, -7, 1e-3].forEach((v, i) => {
      dv.setFloat32(i * 4, v, true);
    });
    dv.setFloat64(12, -0.1, true);
    dv.setInt32(20, 123456, true);
    const file = handmade(
      {
        __metadata__: { framework: "by hand" },
        "layer.weight": { dtype: "F32", shape: [3, 1], data_offsets: [0, 12] },
        "layer.bias": { dtype: "F64", shape: [1], data_offsets: [12, 20] },
        count: { dtype: "I32", shape: [], data_offsets: [20, 24] },
      },
      data,
    );
    const { tensors, metadata } = deserializeSafetensors(file);
    expect(metadata).toEqual({ framework: "by hand" });
    expect(tensors["layer.weight"]?.shape).toEqual([3, 1]);
    expect(Array.from(tensors["layer.weight"]?.data() ?? [])).toEqual([
      1.25,
      -7,
      Math.fround(1e-3),
    ]);
    expect(tensors["layer.bias"]?.dtype).toBe("float64");
    expect(tensors["layer.bias"]?.item()).toBe(-0.1);
    expect(tensors.count?.dtype).toBe("int32");
    expect(tensors.count?.shape).toEqual([]);
    expect(tensors.count?.item()).toBe(123456);
  });

  it("keeps a tensor named __proto__ as an ordinary entry", () => {
    const named: Record<string, Tensor> = {};
    Object.defineProperty(named, "__proto__", { value: tensor([1]), enumerable: true });
    const { tensors } = deserializeSafetensors(serializeSafetensors(named));
    expect(Object.keys(tensors)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(tensors)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(tensors, "__proto__")?.value.item()).toBe(1);
  });
});

describe("corrupt safetensors are rejected", () => {
  const f32 = (k: number) => new Uint8Array(4 * k);
  const entry = (dtype: string, shape: number[], offsets: number[]) => ({
    dtype,
    shape,
    data_offsets: offsets,
  });
  const good = handmade({ a: entry("F32", [2], [0, 8]) }, f32(2));
  const cases: [string, Uint8Array, RegExp][] = [
    [
      "shorter than the length field",
      new Uint8Array(5),
      /truncated: 5 bytes is shorter than the 8-byte header length/,
    ],
    [
      "header length beyond the file",
      handmade({ a: entry("F32", [2], [0, 8]) }, f32(2), 500),
      /truncated: the header length says 500 bytes but only \d+ follow it/,
    ],
    [
      "absurd header length",
      handmade({}, new Uint8Array(0), 2 ** 40),
      /header length 1099511627776 is larger than the 100000000-byte limit/,
    ],
    [
      "truncated data",
      good.subarray(0, good.length - 3),
      /out of bounds of the 5-byte data section/,
    ],
    [
      "header that is not JSON",
      handmade("{not json", new Uint8Array(0)),
      /the header is not valid JSON/,
    ],
    ["header that is not an object", handmade("[1, 2]", new Uint8Array(0)), /not a JSON object/],
    [
      "header that is not UTF-8",
      (() => {
        const b = handmade("{}", new Uint8Array(0));
        b[9] = 0xff;
        return b;
      })(),
      /not valid UTF-8/,
    ],
    [
      "unsupported dtype",
      handmade({ a: entry("F16", [2], [0, 4]) }, f32(1)),
      /tensor "a": unsupported dtype "F16" \(supported: F32, F64, I32\)/,
    ],
    [
      "negative shape",
      handmade({ a: entry("F32", [-2], [0, 8]) }, f32(2)),
      /tensor "a": shape must be a list of non-negative integers/,
    ],
    [
      "byte length that disagrees with dtype and shape",
      handmade({ a: entry("F32", [3], [0, 8]) }, f32(2)),
      /tensor "a": F32 of shape \[3\] needs 12 bytes but data_offsets \[0, 8\] hold 8/,
    ],
    [
      "offsets out of bounds",
      handmade({ a: entry("F32", [2], [4, 12]) }, f32(2)),
      /out of bounds of the 8-byte data section/,
    ],
    [
      "overlapping offsets",
      handmade({ a: entry("F32", [2], [0, 8]), b: entry("F32", [1], [4, 8]) }, f32(2)),
      /tensor "b": data_offsets \[4, 8\] overlap the previous tensor/,
    ],
    [
      "a gap between tensors",
      handmade({ a: entry("F32", [1], [0, 4]), b: entry("F32", [1], [8, 12]) }, f32(3)),
      /tensor "b": data_offsets \[8, 12\] leave a gap after byte 4/,
    ],
    [
      "trailing bytes",
      handmade({ a: entry("F32", [1], [0, 4]) }, f32(2)),
      /the data section has 8 bytes but the tensors cover 4/,
    ],
    [
      "offsets that end before they begin",
      handmade({ a: entry("F32", [0], [4, 0]) }, f32(1)),
      /end before they begin/,
    ],
    [
      "malformed offsets",
      handmade({ a: { dtype: "F32", shape: [1], data_offsets: [0] } }, f32(1)),
      /data_offsets must be \[begin, end\]/,
    ],
    [
      "metadata that is not strings",
      handmade({ __metadata__: { n: 1 } }, new Uint8Array(0)),
      /__metadata__ value of "n" is not a string/,
    ],
  ];
  for (const [name, bytes, message] of cases)
    it(name, () => {
      expect(() => deserializeSafetensors(bytes)).toThrow(SafetensorsError);
      expect(() => deserializeSafetensors(bytes)).toThrow(message);
    });

  it("the well-formed file these are made from loads", () => {
    expect(deserializeSafetensors(good).tensors.a?.shape).toEqual([2]);
  });
});
