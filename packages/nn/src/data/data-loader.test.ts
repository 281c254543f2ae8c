import { arange, Generator, ShapeError, zeros } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { flat } from "../test-utils/close.js";
import { DataLoader } from "./data-loader.js";
import { TensorDataset } from "./tensor-dataset.js";

const n = 10;
const x = arange(2 * n).reshape([n, 2]); // row i = [2i, 2i + 1]
const y = arange(n, undefined, 1, { dtype: "int32" });
const ds = new TensorDataset(x, y);

describe("DataLoader", () => {
  it("batches in order, with a short last batch unless dropLast", () => {
    const batches = [...new DataLoader(ds, { batchSize: 4 })];
    expect(batches.map(([xb]) => xb?.shape)).toEqual([
      [4, 2],
      [4, 2],
      [2, 2],
    ]);
    expect(flat(batches[2]?.[1] ?? zeros([0]))).toEqual([8, 9]);
    expect(flat(batches[0]?.[0] ?? zeros([0]))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const dropped = new DataLoader(ds, { batchSize: 4, dropLast: true });
    expect(dropped.length).toBe(2);
    expect([...dropped].length).toBe(2);
    expect(new DataLoader(ds, { batchSize: 4 }).length).toBe(3);
  });

  it("shuffles every pass with a seeded generator, keeping features and labels paired", () => {
    const loader = new DataLoader(ds, { batchSize: 3, shuffle: true, generator: new Generator(1) });
    const epoch = () =>
      [...loader].flatMap(([xb, yb]) => {
        const xs = flat(xb ?? zeros([0]));
        const ys = flat(yb ?? zeros([0]));
        ys.forEach((label, k) => {
          expect(xs.slice(2 * k, 2 * k + 2)).toEqual([2 * label, 2 * label + 1]);
        });
        return ys;
      });
    const first = epoch();
    const second = epoch();
    expect([...first].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
    expect([...second].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
    expect(first).not.toEqual(second);
    expect(first).not.toEqual([...Array(n).keys()]);
    const replay = new DataLoader(ds, { batchSize: 3, shuffle: true, generator: new Generator(1) });
    expect([...replay].flatMap(([, yb]) => flat(yb ?? zeros([0])))).toEqual(first);
  });

  it("rejects tensors of different lengths and bad batch sizes", () => {
    expect(() => new TensorDataset(x, arange(3))).toThrow(ShapeError);
    expect(() => new DataLoader(ds, { batchSize: 0 })).toThrow(
      /DataLoader: batchSize must be a positive integer/,
    );
  });
});
