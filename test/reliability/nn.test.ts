/** Issue 10: optimisers, Sequential, safetensors and option checks. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binaryStep } from "@fluxion/activations";
import { ArgumentError, DTypeError, ones, ShapeError, tensor, zeros } from "@fluxion/core";
import {
  Adam,
  deserializeSafetensors,
  Identity,
  Parameter,
  Sequential,
  SGD,
  serializeSafetensors,
} from "@fluxion/nn";
import { loadSafetensorsFile, saveSafetensorsFile } from "@fluxion/nn/node";
import { afterAll, describe, expect, it } from "vitest";

describe("optimisers", () => {
  it("a .grad of another shape is an error naming the parameter, and nothing is updated", () => {
    const a = new Parameter(zeros([2]));
    const p = new Parameter(zeros([3]));
    a.grad = ones([2]);
    p.grad = ones([1]);
    const opt = new SGD([a, p], { lr: 0.1 });
    expect(() => opt.step()).toThrow(ShapeError);
    expect(() => opt.step()).toThrow(
      /SGD.step: the .grad of parameter 1 of group 0 \(shape \[3\].*shape \[1\]/,
    );
    expect(a.toArray()).toEqual([0, 0]);
  });
  it("a .grad of another dtype or a non-tensor .grad is an error", () => {
    const p = new Parameter(zeros([2]));
    p.grad = ones([2], { dtype: "float64" });
    expect(() => new Adam([p], { lr: 0.1 }).step()).toThrow(DTypeError);
    (p as { grad: unknown }).grad = [1, 1];
    expect(() => new Adam([p], { lr: 0.1 }).step()).toThrow(/Adam.step: the .grad .* not a Tensor/);
  });
  it("loadStateDict is atomic: a bad second group changes nothing", () => {
    const p1 = new Parameter(zeros([2]));
    const p2 = new Parameter(zeros([2]));
    const opt = new SGD([{ params: [p1] }, { params: [p2] }], { lr: 0.1 });
    const saved = opt.stateDict();
    (saved.paramGroups[0] as { lr: number }).lr = 0.5;
    (saved.paramGroups[1] as { lr: number }).lr = -1;
    expect(() => opt.loadStateDict(saved)).toThrow(/loadStateDict: group 1.*lr/);
    expect(opt.paramGroups[0]?.lr).toBe(0.1);
    expect(opt.paramGroups[1]?.lr).toBe(0.1);
  });
  it("boolean options must be booleans", () => {
    const p = new Parameter(zeros([2]));
    expect(() => new SGD([p], { lr: 0.1, nesterov: "false" as never })).toThrow(
      /SGD: nesterov must be true or false, got "false"/,
    );
    expect(() => new Adam([p], { lr: 0.1, amsgrad: 1 as never })).toThrow(ArgumentError);
  });
});

describe("option type checks", () => {
  it('binaryStep(x, { straightThrough: "false" }) is an error, not a truthy flag', () => {
    expect(() => binaryStep(tensor([1]), { straightThrough: "false" as never })).toThrow(
      /binaryStep: straightThrough must be true or false/,
    );
  });
  it("keepDims and matmul flags must be booleans", () => {
    expect(() => zeros([2, 2]).sum(0, "false" as never)).toThrow(/sum: keepDims/);
    expect(() => zeros([2, 2]).mean(0, 1 as never)).toThrow(/mean: keepDims/);
    expect(() => zeros([2, 2]).matmul(zeros([2, 2]), { transposeA: "yes" as never })).toThrow(
      /matmul: transposeA/,
    );
  });
});

describe("Sequential", () => {
  it("length is counted, so 16,000 layers build and run (linear time)", () => {
    const layers = Array.from({ length: 16_000 }, () => new Identity());
    const net = new Sequential(...layers);
    expect(net.length).toBe(16_000);
    expect(net.at(-1)).toBe(layers[15_999]);
    expect(net.call(tensor([1, 2])).toArray()).toEqual([1, 2]);
    expect([...net].length).toBe(16_000);
  });
});

describe("safetensors", () => {
  const dir = mkdtempSync(join(tmpdir(), "fluxion-rel-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("reads any Uint8Array view, such as a Node Buffer from the shared pool", () => {
    const bytes = serializeSafetensors({
      a: tensor([1.5, -2, 3], { dtype: "float64" }),
      b: tensor([[1, 2]], { dtype: "int32" }),
    });
    for (const offset of [1, 3, 5, 8]) {
      const pool = new Uint8Array(bytes.length + offset + 7);
      pool.set(bytes, offset);
      const { tensors } = deserializeSafetensors(pool.subarray(offset, offset + bytes.length));
      expect(tensors.a?.toArray()).toEqual([1.5, -2, 3]);
      expect(tensors.b?.toArray()).toEqual([[1, 2]]);
    }
    const buf = Buffer.from(bytes); // small Buffers come from Node's pool
    expect(deserializeSafetensors(buf).tensors.a?.dtype).toBe("float64");
  });
  it("file errors name the function and the user's path, not a temp file", async () => {
    const missing = join(dir, "no-such-folder", "w.safetensors");
    await expect(saveSafetensorsFile(missing, { a: zeros([1]) })).rejects.toThrow(
      new RegExp(`saveSafetensorsFile: cannot write ${missing}: the folder .* does not exist`),
    );
    await expect(loadSafetensorsFile(dir)).rejects.toThrow(
      new RegExp(`loadSafetensorsFile: cannot read ${dir}: it is a folder`),
    );
    await expect(loadSafetensorsFile(join(dir, "nope"))).rejects.toThrow(/no such file/);
  });
});
