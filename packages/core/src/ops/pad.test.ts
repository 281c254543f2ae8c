import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ArgumentError, ShapeError } from "../errors.js";
import { arange, tensor } from "../tensor/create.js";
import { arbShape, arbTensor, fcParams } from "../testing/index.js";
import { type PadMode, pad } from "./pad.js";

const m = arange(9).reshape([3, 3]);

/**
 * The reference: each output entry found by walking from its position back into x, one step at a
 * time (mirror at the edges for reflect, stop for replicate, wrap for circular).
 */
function reference(
  x: number[],
  shape: readonly number[],
  amounts: readonly number[],
  mode: PadMode,
  value: number,
): number[] {
  const before = shape.map((_, a) => amounts[2 * (shape.length - 1 - a)] ?? 0);
  const after = shape.map((_, a) => amounts[2 * (shape.length - 1 - a) + 1] ?? 0);
  const out = shape.map((n, a) => n + (before[a] ?? 0) + (after[a] ?? 0));
  const total = out.reduce((p, d) => p * d, 1);
  return Array.from({ length: total }, (_, flat) => {
    let rest = flat;
    let src = 0;
    let stride = 1;
    for (let a = shape.length - 1; a >= 0; a--) {
      const n = shape[a] ?? 1;
      const o = out[a] ?? 1;
      let i = (rest % o) - (before[a] ?? 0);
      rest = Math.floor(rest / o);
      if (mode === "constant" && (i < 0 || i >= n)) return value;
      while (i < 0 || i >= n) {
        if (mode === "replicate") i = i < 0 ? 0 : n - 1;
        else if (mode === "circular") i += i < 0 ? n : -n;
        else i = i < 0 ? -i : 2 * (n - 1) - i;
      }
      src += i * stride;
      stride *= n;
    }
    return x[src] ?? Number.NaN;
  });
}

describe("pad", () => {
  it("constant: fills with the value, pairs from the last axis backwards (as F.pad)", () => {
    expect(pad(tensor([1, 2]), [2, 1]).toArray()).toEqual([0, 0, 1, 2, 0]);
    expect(pad(tensor([1, 2]), [1, 1], { value: 3.5 }).toArray()).toEqual([3.5, 1, 2, 3.5]);
    expect(
      pad(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        [1, 0, 0, 1],
      ).toArray(),
    ).toEqual([
      [0, 1, 2],
      [0, 3, 4],
      [0, 0, 0],
    ]);
    expect(pad(m, [0, 0, 1, 0]).shape).toEqual([4, 3]);
  });

  it("constant: negative amounts crop", () => {
    expect(pad(tensor([1, 2, 3, 4]), [-1, -2]).toArray()).toEqual([2]);
    expect(pad(tensor([1, 2, 3]), [-1, 1], { value: 9 }).toArray()).toEqual([2, 3, 9]);
    expect(pad(m, [-1, 0, 0, -2]).toArray()).toEqual([[1, 2]]);
    expect(pad(tensor([1, 2]), [-1, -1]).shape).toEqual([0]);
  });

  it("reflect, replicate and circular match PyTorch's documented examples", () => {
    // nn.ReflectionPad2d(2) on arange(9) as 3×3: the first row is [8, 7, 6, 7, 8, 7, 6]
    const r = pad(m, [2, 2, 2, 2], { mode: "reflect" });
    expect(r.shape).toEqual([7, 7]);
    expect(r.slice([0]).toArray()).toEqual([8, 7, 6, 7, 8, 7, 6]);
    expect(r.slice([3]).toArray()).toEqual([5, 4, 3, 4, 5, 4, 3]);
    // nn.ReplicationPad2d(2): the first row is [0, 0, 0, 1, 2, 2, 2]
    const p = pad(m, [2, 2, 2, 2], { mode: "replicate" });
    expect(p.slice([0]).toArray()).toEqual([0, 0, 0, 1, 2, 2, 2]);
    expect(p.slice([6]).toArray()).toEqual([6, 6, 6, 7, 8, 8, 8]);
    // nn.CircularPad1d(2) on [[0, 1, 2, 3], [4, 5, 6, 7]]
    expect(pad(arange(8).reshape([2, 4]), [2, 2], { mode: "circular" }).toArray()).toEqual([
      [2, 3, 0, 1, 2, 3, 0, 1],
      [6, 7, 4, 5, 6, 7, 4, 5],
    ]);
    expect(pad(tensor([1, 2, 3]), [2, 2], { mode: "reflect" }).toArray()).toEqual([
      3, 2, 1, 2, 3, 2, 1,
    ]);
    expect(pad(tensor([1, 2, 3]), [4, 0], { mode: "replicate" }).toArray()).toEqual([
      1, 1, 1, 1, 1, 2, 3,
    ]);
  });

  it("agrees with a step-by-step reference on random shapes, modes and amounts", () => {
    const modes: PadMode[] = ["constant", "reflect", "replicate", "circular"];
    fc.assert(
      fc.property(
        arbTensor({ shape: arbShape({ minRank: 1, maxRank: 3, maxDim: 4 }), min: -9, max: 9 }),
        fc.constantFrom(...modes),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        (x, mode, raw, pairs) => {
          const k = Math.min(pairs, x.ndim);
          const amounts = raw.slice(0, 2 * k).map((v, j) => {
            const n = x.shape[x.ndim - 1 - Math.floor(j / 2)] ?? 1;
            if (mode === "constant") return Math.max(v, -Math.floor(n / 2));
            if (mode === "reflect") return Math.min(Math.abs(v), n - 1);
            if (mode === "circular") return Math.min(Math.abs(v), n);
            return Math.abs(v);
          });
          const value = mode === "constant" ? 0.5 : undefined;
          const y = pad(x, amounts, value === undefined ? { mode } : { value });
          expect(Array.from(y.data())).toEqual(
            reference(Array.from(x.data()), x.shape, amounts, mode, value ?? 0),
          );
        },
      ),
      fcParams(60),
    );
  });

  it("adds the gradient of each copy back to its source", () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    pad(x, [2, 2], { mode: "reflect" })
      .mul(tensor([1, 2, 3, 4, 5, 6, 7]))
      .sum()
      .backward();
    // [x2, x1, x0, x1, x2, x1, x0]: x0 at positions 3 and 7, x1 at 2, 4, 6, x2 at 1 and 5
    expect(x.grad?.toArray()).toEqual([10, 12, 6]);
    const y = tensor([1, 2, 3], { requiresGrad: true });
    pad(y, [-1, 2], { value: 5 }).sum().backward();
    expect(y.grad?.toArray()).toEqual([0, 1, 1]);
  });

  it("keeps the dtype; a constant value is converted to it", () => {
    const i = pad(tensor([1, 2], { dtype: "int32" }), [1, 1], { value: 7 });
    expect(i.dtype).toBe("int32");
    expect(i.toArray()).toEqual([7, 1, 2, 7]);
  });

  it("rejects bad pads and options, naming pad", () => {
    expect(() => pad(m, [1])).toThrow(ArgumentError);
    expect(() => pad(m, [1])).toThrow(
      "pad: pad must hold (before, after) pairs for at most every axis of x (shape [3, 3], so an even length up to 4), got [1]",
    );
    expect(() => pad(m, [1, 1, 1, 1, 1, 1])).toThrow(
      /an even length up to 4\), got \[1, 1, 1, 1, 1, 1\]/,
    );
    expect(() => pad(m, [0.5, 1])).toThrow("pad: pad must be an array of integers, got");
    expect(() => pad(m, [3, 0], { mode: "reflect" })).toThrow(
      'pad: with mode "reflect" each padding must be smaller than its axis, but axis 1 has size 3 and padding 3 and 0',
    );
    expect(() => pad(m, [0, 4], { mode: "circular" })).toThrow(
      'pad: with mode "circular" each padding must be at most its axis, but axis 1 has size 3 and padding 0 and 4',
    );
    expect(() => pad(m, [-1, 0], { mode: "replicate" })).toThrow(
      'pad: negative padding (cropping) is only supported with mode "constant", got -1 and 0 on axis 1 with mode "replicate"',
    );
    expect(() => pad(tensor([]).reshape([0]), [1, 0], { mode: "replicate" })).toThrow(
      'pad: mode "replicate" cannot pad the empty axis 0 of x (shape [0])',
    );
    expect(() => pad(m, [-2, -2])).toThrow(ShapeError);
    expect(() => pad(m, [-2, -2])).toThrow(
      "pad: axis 1 of size 3 padded by -2 and -2 would have a negative size -1",
    );
    expect(() => pad(m, [1, 1], { mode: "reflect", value: 1 })).toThrow(
      'pad: options.value is only for mode "constant" (mode "reflect" fills from x itself), got value 1',
    );
    expect(() => pad(m, [1, 1], { mode: "zeros" as PadMode })).toThrow(
      'pad: options.mode must be "constant", "reflect", "replicate" or "circular", got "zeros"',
    );
    expect(() => pad(m, [1, 1], "reflect" as never)).toThrow(
      'pad: options must be an object, got "reflect"',
    );
    expect(() => pad(m, [1e5, 1e5, 1e5, 1e5])).toThrow(/^pad: shape \[200003, 200003\] has/);
  });
});
