import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArgumentError, ShapeError } from "../errors.js";
import { arange, tensor } from "../tensor/create.js";
import { arbShape, arbTensor, fcParams } from "../testing/index.js";
import { repeat } from "./repeat.js";
import { tile } from "./tile.js";

/** The reference: out[i0, i1, …] = x[i0 mod d0, i1 mod d1, …], by index arithmetic on flat values. */
function tiled(x: number[], shape: readonly number[], reps: readonly number[]): number[] {
  const s = [...new Array<number>(reps.length - shape.length).fill(1), ...shape];
  const out = s.map((d, i) => d * (reps[i] ?? 1));
  const n = out.reduce((p, d) => p * d, 1);
  return Array.from({ length: n }, (_, flat) => {
    let rest = flat;
    let src = 0;
    let stride = 1;
    for (let a = out.length - 1; a >= 0; a--) {
      const o = out[a] ?? 1;
      const d = s[a] ?? 1;
      src += ((rest % o) % d) * stride;
      stride *= d;
      rest = Math.floor(rest / o);
    }
    return x[src] ?? Number.NaN;
  });
}

describe("repeat", () => {
  it("tiles the whole tensor along each axis, adding leading axes (as x.repeat)", () => {
    expect(repeat(tensor([1, 2]), [3]).toArray()).toEqual([1, 2, 1, 2, 1, 2]);
    expect(repeat(tensor([1, 2]), [2, 2]).toArray()).toEqual([
      [1, 2, 1, 2],
      [1, 2, 1, 2],
    ]);
    const m = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(m.repeat([2, 1]).toArray()).toEqual([
      [1, 2],
      [3, 4],
      [1, 2],
      [3, 4],
    ]);
    expect(repeat(m, [1, 2, 1]).shape).toEqual([1, 4, 2]);
    expect(repeat(m, [0, 2]).shape).toEqual([0, 4]);
    expect(repeat(tensor(5), [2]).toArray()).toEqual([5, 5]);
  });

  it("agrees with index arithmetic on random shapes", () => {
    fc.assert(
      fc.property(
        arbTensor({ shape: arbShape({ maxRank: 3, maxDim: 3 }), dtype: "int32", min: -9, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
        (x, extra, own) => {
          const reps = [...extra, ...own.slice(0, x.ndim)];
          const y = repeat(x, reps);
          expect(Array.from(y.data())).toEqual(tiled(Array.from(x.data()), x.shape, reps));
          expect(y.dtype).toBe("int32");
        },
      ),
      fcParams(50),
    );
  });

  it("sums the gradient of every copy back", () => {
    const x = tensor([1, 2], { requiresGrad: true });
    repeat(x, [2, 3])
      .mul(arange(12).reshape([2, 6]))
      .sum()
      .backward();
    // x[0] sits at columns 0, 2, 4 of both rows: 0 + 2 + 4 + 6 + 8 + 10
    expect(x.grad?.toArray()).toEqual([30, 36]);
  });

  it("rejects fewer counts than axes and bad counts, naming repeat", () => {
    const m = tensor([[1, 2]]);
    expect(() => repeat(m, [2])).toThrow(ShapeError);
    expect(() => repeat(m, [2])).toThrow(
      "repeat: needs at least one repeat count per axis of x (shape [1, 2]), got [2]; use tile to repeat only the trailing axes",
    );
    expect(() => repeat(m, [1, -1])).toThrow(ArgumentError);
    expect(() => repeat(m, [1, -1])).toThrow(
      "repeat: repeats must be a non-negative integer or an array of them, got",
    );
    expect(() => repeat(m, [1e6, 1e6])).toThrow(/^repeat: shape \[1000000, 2000000\] has/);
  });
});

describe("tile", () => {
  it("pads the counts with leading 1s (as torch.tile / np.tile)", () => {
    const m = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(tile(m, [2]).toArray()).toEqual([
      [1, 2, 1, 2],
      [3, 4, 3, 4],
    ]);
    expect(m.tile(2).toArray()).toEqual(tile(m, [1, 2]).toArray());
    expect(tile(tensor([1, 2]), [2, 1]).toArray()).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect(tile(m, []).toArray()).toEqual(m.toArray());
  });

  it("agrees with index arithmetic on random shapes", () => {
    fc.assert(
      fc.property(
        arbTensor({ shape: arbShape({ maxRank: 3, maxDim: 3 }), min: -9, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }),
        (x, reps) => {
          const padded = [...new Array<number>(Math.max(x.ndim - reps.length, 0)).fill(1), ...reps];
          expect(Array.from(tile(x, reps).data())).toEqual(
            tiled(Array.from(x.data()), x.shape, padded),
          );
        },
      ),
      fcParams(50),
    );
  });

  it("rejects bad counts, naming tile", () => {
    expect(() => tile(tensor([1]), [0.5])).toThrow(
      "tile: repeats must be a non-negative integer or an array of them, got",
    );
  });
});
