/** Issue 10: error messages name the function the user called, the argument and the values. */

import { FluxionError, tensor, zeros } from "@fluxion/core";
import { binaryCrossEntropy, binaryCrossEntropyWithLogits } from "@fluxion/nn";
import { describe, expect, it } from "vitest";

const cases: [string, () => unknown, RegExp][] = [
  [
    "indexSelect",
    () => zeros([3]).indexSelect(0, tensor([5], { dtype: "int32" })),
    /^indexSelect: index value 5 .*size 3/,
  ],
  [
    "indexSelect index type",
    () => zeros([3]).indexSelect(0, [1] as never),
    /^indexSelect: index must be a Tensor/,
  ],
  ["mean", () => zeros([3]).mean(3), /^mean: axis 3/],
  ["var", () => zeros([3]).var(3), /^var: axis 3/],
  ["std", () => zeros([3]).std(3), /^std: axis 3/],
  ["std correction", () => zeros([3]).std(0, { correction: -1 }), /^std: correction/],
  ["logSumExp", () => zeros([3]).logSumExp(3), /^logSumExp: axis 3/],
  ["copy_", () => zeros([3]).copy_(zeros([2])), /^copy_: src of shape \[2\] .* \[3\]/],
  [
    "batched matmul",
    () => zeros([2, 2, 3]).matmul(zeros([3, 3, 1])),
    /^matmul: cannot multiply \[2, 2, 3\] by \[3, 3, 1\]/,
  ],
  ["slice 1.5", () => zeros([3]).slice([1.5]), /^slice: an index must be an integer, got 1.5/],
  ["slice ranges", () => zeros([3]).slice(2 as never), /^slice: ranges must be an array/],
  [
    "BCE weight",
    () => binaryCrossEntropy(zeros([3]), zeros([3]), { weight: zeros([2]) }),
    /^binaryCrossEntropy: weight of shape \[2\]/,
  ],
  [
    "BCE posWeight",
    () => binaryCrossEntropyWithLogits(zeros([3]), zeros([3]), { posWeight: zeros([2]) }),
    /^binaryCrossEntropyWithLogits: posWeight of shape \[2\]/,
  ],
  ["argmax axis", () => zeros([3]).argmax([0] as never), /^argmax: axis must be an integer/],
];

describe("error messages", () => {
  for (const [label, f, re] of cases) {
    it(label, () => {
      expect(f).toThrow(FluxionError);
      expect(f).toThrow(re);
    });
  }
  it("logSumExp over an empty axis is −∞ (as PyTorch), not an error from max", () => {
    expect(zeros([2, 0]).logSumExp(1).toArray()).toEqual([-Infinity, -Infinity]);
  });
});
