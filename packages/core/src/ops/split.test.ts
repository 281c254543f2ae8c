import { describe, expect, it } from "vitest";
import { ArgumentError } from "../errors.js";
import { arange, tensor, zeros } from "../tensor/create.js";
import { chunk } from "./chunk.js";
import { split } from "./split.js";
import { unbind } from "./unbind.js";

const values = (ts: readonly { toArray(): unknown }[]) => ts.map((t) => t.toArray());

describe("split", () => {
  it("cuts into pieces of one size, the last smaller (as torch.split)", () => {
    expect(values(split(arange(5), 2))).toEqual([[0, 1], [2, 3], [4]]);
    expect(values(split(arange(4), 2))).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(values(split(arange(3), 5))).toEqual([[0, 1, 2]]);
    const m = arange(6).reshape([2, 3]);
    expect(values(split(m, 2, 1))).toEqual([
      [
        [0, 1],
        [3, 4],
      ],
      [[2], [5]],
    ]);
    expect(values(m.split(1, -2))).toEqual([[[0, 1, 2]], [[3, 4, 5]]]);
  });

  it("cuts into pieces of the listed sizes (zeros allowed)", () => {
    expect(values(split(arange(5), [1, 0, 4]))).toEqual([[0], [], [1, 2, 3, 4]]);
    expect(split(zeros([2, 6]), [2, 4], 1).map((p) => p.shape)).toEqual([
      [2, 2],
      [2, 4],
    ]);
  });

  it("an empty axis gives one empty piece (as PyTorch)", () => {
    expect(split(zeros([0, 2]), 3).map((p) => p.shape)).toEqual([[0, 2]]);
    expect(split(zeros([0]), 0).map((p) => p.shape)).toEqual([[0]]);
  });

  it("each piece's gradient flows back into its part", () => {
    const x = tensor([1, 2, 3, 4, 5], { requiresGrad: true });
    const [a, b, c] = split(x, 2);
    a?.sum()
      .add(b?.mul(10).sum() ?? 0)
      .add(c?.mul(100).sum() ?? 0)
      .backward();
    expect(x.grad?.toArray()).toEqual([1, 1, 10, 10, 100]);
  });

  it("rejects sizes that do not fit, naming split", () => {
    expect(() => split(arange(5), [2, 2])).toThrow(ArgumentError);
    expect(() => split(arange(5), [2, 2])).toThrow(
      "split: the sizes [2, 2] add up to 4, but axis 0 of x (shape [5]) has size 5",
    );
    expect(() => split(arange(5), 0)).toThrow(
      "split: splitSizeOrSections must be a positive integer (or an array of sizes), got 0 for axis 0 of size 5",
    );
    expect(() => split(arange(5), [2, -1, 4])).toThrow(
      "split: splitSizeOrSections must be a positive integer or an array of non-negative integers, got",
    );
    expect(() => split(tensor(1), 1)).toThrow("split: cannot split a 0-d tensor (it has no axis)");
    expect(() => split(arange(5), 1, 1)).toThrow(/^split: axis 1 is out of range/);
  });
});

describe("chunk", () => {
  it("gives ⌈n / chunks⌉-sized pieces, so possibly fewer than asked (as torch.chunk)", () => {
    expect(values(chunk(arange(6), 3))).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(values(chunk(arange(5), 2))).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(values(chunk(arange(5), 4))).toEqual([[0, 1], [2, 3], [4]]);
    expect(values(chunk(arange(6), 4))).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    expect(values(chunk(arange(2), 5))).toEqual([[0], [1]]);
    expect(
      arange(6)
        .reshape([2, 3])
        .chunk(2, 1)
        .map((p) => p.shape),
    ).toEqual([
      [2, 2],
      [2, 1],
    ]);
  });

  it("an empty axis gives `chunks` empty pieces (as PyTorch)", () => {
    expect(chunk(zeros([3, 0]), 2, 1).map((p) => p.shape)).toEqual([
      [3, 0],
      [3, 0],
    ]);
  });

  it("rejects a chunk count that is not a positive integer, naming chunk", () => {
    expect(() => chunk(arange(4), 0)).toThrow(ArgumentError);
    expect(() => chunk(arange(4), 0)).toThrow("chunk: chunks must be a positive integer, got 0");
    expect(() => chunk(arange(4), 1.5)).toThrow(
      "chunk: chunks must be a positive integer, got 1.5",
    );
    expect(() => chunk(tensor(1), 1)).toThrow("chunk: cannot chunk a 0-d tensor (it has no axis)");
  });
});

describe("unbind", () => {
  const m = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);

  it("gives the slices along an axis, the axis removed", () => {
    expect(values(unbind(m))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(values(m.unbind(1))).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(values(unbind(tensor([7, 8]), -1))).toEqual([7, 8]);
  });

  it("each slice's gradient lands in its place", () => {
    const x = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { requiresGrad: true },
    );
    const [c0, c1] = unbind(x, 1);
    c0?.mul(c1 ?? 0)
      .sum()
      .backward();
    expect(x.grad?.toArray()).toEqual([
      [2, 1],
      [4, 3],
    ]);
  });

  it("rejects 0-d tensors and bad axes, naming unbind", () => {
    expect(() => unbind(tensor(1))).toThrow("unbind: cannot unbind a 0-d tensor (it has no axis)");
    expect(() => unbind(m, 2)).toThrow(/^unbind: axis 2 is out of range/);
  });
});
