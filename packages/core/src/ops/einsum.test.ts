import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { ArgumentError, ShapeError } from "../errors.js";
import { arange, ones, tensor } from "../tensor/create.js";
import type { Tensor } from "../tensor/tensor.js";
import { arbTensor, fcParams } from "../testing/index.js";
import { bmm } from "./bmm.js";
import { einsum } from "./einsum.js";
import { arbEinsumProblem } from "./einsum.spec.js";
import { matmul } from "./matmul.js";
import { observeOps } from "./op-observer.js";

const f64 = { dtype: "float64" } as const;
const range = (n: number, shape: number[]) => arange(0, n, 1, f64).reshape(shape);

/**
 * The definition, written as loops: for every assignment of values to the letters of an explicit
 * equation (no "..."), add the product of the operands' entries into the output entry. A letter
 * of size 1 in one operand broadcasts (index 0 is read there).
 */
function reference(
  equation: string,
  operands: readonly Tensor[],
): { shape: number[]; data: number[] } {
  const [lhs = "", rhs = ""] = equation.split("->");
  const terms = lhs.split(",");
  const size = new Map<string, number>();
  terms.forEach((t, i) => {
    [...t].forEach((l, j) => {
      const d = operands[i]?.shape[j] ?? 1;
      if (d !== 1 || !size.has(l)) size.set(l, d);
    });
  });
  const letters = [...size.keys()];
  const outShape = [...rhs].map((l) => size.get(l) ?? 1);
  const out = new Array<number>(outShape.reduce((p, d) => p * d, 1)).fill(0);
  const values = operands.map((t) => t.data() as ArrayLike<number>);
  const at = new Map<string, number>();
  const offset = (shape: readonly number[], idx: readonly number[]) =>
    idx.reduce((o, v, k) => o * (shape[k] ?? 1) + ((shape[k] ?? 1) === 1 ? 0 : v), 0);
  const visit = (k: number): void => {
    if (k === letters.length) {
      let p = 1;
      terms.forEach((t, i) => {
        const shape = operands[i]?.shape ?? [];
        p *=
          values[i]?.[
            offset(
              shape,
              [...t].map((l) => at.get(l) ?? 0),
            )
          ] ?? Number.NaN;
      });
      const o = offset(
        outShape,
        [...rhs].map((l) => at.get(l) ?? 0),
      );
      out[o] = (out[o] ?? 0) + p;
      return;
    }
    const l = letters[k] ?? "";
    for (let v = 0; v < (size.get(l) ?? 0); v++) {
      at.set(l, v);
      visit(k + 1);
    }
  };
  visit(0);
  return { shape: outShape, data: out };
}

function opNames(fn: () => unknown): string[] {
  const names: string[] = [];
  observeOps((c) => names.push(c.def.name), fn);
  return names;
}

describe("einsum", () => {
  it("agrees with the loop definition on random equations (diagonals, sums, outer products, 1–3 operands)", () => {
    const cases = fc
      .oneof(arbEinsumProblem(), arbEinsumProblem(true))
      .chain((p) =>
        fc
          .tuple(...p.shapes.map((shape) => arbTensor({ shape, min: -3, max: 3 })))
          .map((ts) => ({ ...p, ts })),
      );
    fc.assert(
      fc.property(cases, ({ equation, ts }) => {
        const want = reference(equation, ts);
        const got = einsum(equation, ...ts);
        expect(got.shape).toEqual(want.shape);
        const data = Array.from(got.data() as ArrayLike<number>);
        data.forEach((v, i) => {
          expect(Math.abs(v - (want.data[i] ?? Number.NaN))).toBeLessThanOrEqual(1e-12);
        });
      }),
      fcParams(200),
    );
  });

  it("gives PyTorch's values on the common patterns (recorded from torch.einsum, float64)", () => {
    const a = range(6, [2, 3]);
    const b = range(12, [3, 4]);
    const m = range(9, [3, 3]);
    expect(einsum("ij,jk->ik", a, b).toArray()).toEqual([
      [20, 23, 26, 29],
      [56, 68, 80, 92],
    ]);
    expect(einsum("ij,jk", [a, b]).toArray()).toEqual(einsum("ij,jk->ik", a, b).toArray());
    expect(einsum("ii->i", m).toArray()).toEqual([0, 4, 8]);
    expect(einsum("ii", m).item()).toBe(12);
    expect(einsum("ij->ji", a).toArray()).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    expect(einsum("i,j->ij", range(2, [2]), range(3, [3])).toArray()).toEqual([
      [0, 0, 0],
      [0, 1, 2],
    ]);
    expect(einsum("...ij->ij", range(24, [4, 2, 3])).toArray()).toEqual([
      [36, 40, 44],
      [48, 52, 56],
    ]);
    expect(einsum("...i,...i->...", range(24, [2, 3, 4]), range(12, [3, 4])).toArray()).toEqual([
      [14, 126, 366],
      [86, 390, 822],
    ]);
    expect(einsum("ij,jk,kl->il", a, b, range(8, [4, 2])).toArray()).toEqual([
      [324, 422],
      [1008, 1304],
    ]);
    expect(einsum("bij,bjk->bik", range(12, [2, 2, 3]), range(12, [2, 3, 2])).toArray()).toEqual([
      [
        [10, 13],
        [28, 40],
      ],
      [
        [172, 193],
        [244, 274],
      ],
    ]);
    expect(einsum("ij,kj->ik", a, a).toArray()).toEqual([
      [5, 14],
      [14, 50],
    ]);
    expect(einsum("ij,ij->", a, a).item()).toBe(55);
    expect(einsum("ij,jk", tensor([[1], [2]], f64), b).toArray()).toEqual([
      [12, 15, 18, 21],
      [24, 30, 36, 42],
    ]);
    expect(einsum("iij->ij", range(18, [3, 3, 2])).toArray()).toEqual([
      [0, 1],
      [8, 9],
      [16, 17],
    ]);
    // implicit output: letters used once, uppercase before lowercase
    expect(einsum("Ba,ab", a, a.transpose()).toArray()).toEqual([
      [5, 14],
      [14, 50],
    ]);
    expect(einsum(" i j , j k -> i k ", a, b).toArray()).toEqual(matmul(a, b).toArray());
    expect(einsum("", tensor(3, f64)).item()).toBe(3);
  });

  it("lowers a two-operand contraction to one matmul (transposed operands read in place)", () => {
    const a = range(6, [2, 3]);
    const b = range(12, [3, 4]);
    expect(opNames(() => einsum("ij,jk->ik", a, b))).toEqual(["matmul"]);
    expect(opNames(() => einsum("ij,kj->ik", a, a))).toEqual(["matmul"]);
    expect(opNames(() => einsum("ji,jk->ik", a, a))).toEqual(["matmul"]);
    const x = range(12, [2, 2, 3]);
    const y = range(12, [2, 3, 2]);
    expect(opNames(() => einsum("bij,bjk->bik", x, y))).toEqual(["matmul"]);
    expect(einsum("bij,bjk->bik", x, y).toArray()).toEqual(bmm(x, y).toArray());
  });

  it("has matmul's gradients and a second derivative", () => {
    const a = range(6, [2, 3]);
    const b = range(12, [3, 4]);
    const f = (x: Tensor, y: Tensor) => einsum("ij,jk->ik", x, y).sum();
    const [ga, gb] = grad(f, { argnums: [0, 1] })(a, b);
    const [ma, mb] = grad((x: Tensor, y: Tensor) => matmul(x, y).sum(), { argnums: [0, 1] })(a, b);
    expect(ga?.toArray()).toEqual(ma?.toArray());
    expect(gb?.toArray()).toEqual(mb?.toArray());
    // d²/dx² of Σᵢ xᵢ² (as "i,i->") is 2 on every entry
    const h = grad((x: Tensor) => grad((y: Tensor) => einsum("i,i->", y, y))(x).sum())(
      tensor([1, 2, 3], f64),
    );
    expect(h.toArray()).toEqual([2, 2, 2]);
  });

  it("rejects bad equations with PyTorch's reasons, naming the equation", () => {
    const a = ones([2, 3]);
    expect(() => einsum("ij", ones([2, 3, 4]))).toThrow(ShapeError);
    expect(() => einsum("ij", ones([2, 3, 4]))).toThrow(
      /^einsum: operand 0 has shape \[2, 3, 4\] \(3 dimensions\) but its term "ij" in "ij" has 2 subscripts and no ellipsis/,
    );
    expect(() => einsum("ij...", ones([2]))).toThrow(/has 2 subscripts besides the ellipsis/);
    expect(() => einsum("ii", a)).toThrow(
      /^einsum: subscript i is repeated in operand 0 \(term "ii", shape \[2, 3\]\) but its dimensions have sizes 2 and 3/,
    );
    expect(() => einsum("ij,jk", a, ones([4, 4]))).toThrow(
      /^einsum: subscript j has size 3 in operand 0 \(term "ij", shape \[2, 3\]\) but size 4 in operand 1 \(term "jk", shape \[4, 4\]\)/,
    );
    expect(() => einsum("...i,...i", ones([2, 3, 4]), ones([5, 4]))).toThrow(
      /^einsum: a dimension covered by "\.\.\." \(the 2nd of 2\) has size 3 in operand 0 \(term "\.\.\.i", shape \[2, 3, 4\]\) but size 5 in operand 1/,
    );
    expect(() => einsum("i1", a)).toThrow(ArgumentError);
    expect(() => einsum("i1", a)).toThrow(
      /^einsum: invalid subscript '1' at index 1 of the equation "i1"/,
    );
    expect(() => einsum("ij->k", a)).toThrow(
      /^einsum: output subscript k does not appear in any input term of "ij->k"/,
    );
    expect(() => einsum("ij->ii", a)).toThrow(/^einsum: output subscript i appears more than once/);
    expect(() => einsum("ij->i.j", a)).toThrow(
      /^einsum: '\.' at index 5 .* is not part of an ellipsis/,
    );
    expect(() => einsum("......", a)).toThrow(/^einsum: a term has two ellipses/);
    expect(() => einsum("ij,jk", a)).toThrow(
      /^einsum: the equation "ij,jk" has 2 input terms but 1 operand was given/,
    );
    expect(() => einsum("ij", a, a)).toThrow(/has 1 input term but 2 operands were given/);
    expect(() => einsum("ij")).toThrow(/^einsum: no operands given/);
    expect(() => einsum(3 as unknown as string, a)).toThrow(/^einsum: equation must be a string/);
  });
});
