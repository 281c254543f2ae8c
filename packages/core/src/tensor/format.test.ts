import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { arange, tensor, zeros } from "./create.js";
import { formatTensor } from "./format.js";

describe("formatTensor (Tensor.toString, console.log)", () => {
  it("prints values with four decimals, the dtype and grad information", () => {
    expect(tensor([1, 2], { requiresGrad: true }).toString()).toBe(
      "tensor([1.0000, 2.0000], dtype=float32, requiresGrad=true)",
    );
    expect(tensor(2, { dtype: "float64", requiresGrad: true }).toString()).toBe(
      "tensor(2.0000, dtype=float64, requiresGrad=true)",
    );
    const y = tensor([1], { requiresGrad: true }).mul(2);
    expect(y.toString()).toBe("tensor([2.0000], dtype=float32, gradFn=mul)");
    const named = tensor([1]);
    named.name = "w";
    expect(named.toString()).toBe("tensor([1.0000], dtype=float32, name=w)");
  });

  it("lays rows out one under another, padded to one width", () => {
    const t = tensor(
      [
        [1, -2],
        [30, 4],
      ],
      { dtype: "int32" },
    );
    expect(t.toString()).toBe("tensor([[ 1, -2],\n        [30,  4]], dtype=int32)");
    const cube = arange(8).reshape([2, 2, 2]);
    expect(cube.toString()).toBe(
      [
        "tensor([[[0.0000, 1.0000],",
        "         [2.0000, 3.0000]],",
        "",
        "        [[4.0000, 5.0000],",
        "         [6.0000, 7.0000]]], dtype=float32)",
      ].join("\n"),
    );
  });

  it("writes nan and inf as PyTorch does, and switches to scientific notation like it", () => {
    expect(tensor([Number.NaN, Infinity, -Infinity]).toString()).toBe(
      "tensor([ nan,  inf, -inf], dtype=float32)",
    );
    expect(tensor([1e-5, 1], { dtype: "float64" }).toString()).toBe(
      "tensor([1.0000e-05, 1.0000e+00], dtype=float64)",
    );
    // More than three decades apart: fixed notation would show 0.0010 with one digit.
    expect(tensor([0.001, 2], { dtype: "float64" }).toString()).toBe(
      "tensor([1.0000e-03, 2.0000e+00], dtype=float64)",
    );
    expect(tensor([1e9]).toString()).toBe("tensor([1.0000e+09], dtype=float32)");
    expect(tensor([0, 0]).toString()).toBe("tensor([0.0000, 0.0000], dtype=float32)");
  });

  it("prints empty tensors with their shape", () => {
    expect(zeros([0]).toString()).toBe("tensor([], dtype=float32)");
    expect(zeros([0, 2]).toString()).toBe("tensor([], shape=[0, 2], dtype=float32)");
  });

  it("summarises above 1000 elements with three items at each end of every axis", () => {
    // As PyTorch prints torch.arange(2000.): magnitudes over three decades apart are scientific.
    expect(arange(2000).toString()).toBe(
      [
        "tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,",
        "        1.9990e+03], dtype=float32)",
      ].join("\n"),
    );
    const m = arange(0, 40 * 40, 1, { dtype: "int32" }).reshape([40, 40]);
    const lines = m.toString().split("\n");
    expect(lines).toEqual([
      "tensor([[   0,    1,    2,  ...,   37,   38,   39],",
      "        [  40,   41,   42,  ...,   77,   78,   79],",
      "        [  80,   81,   82,  ...,  117,  118,  119],",
      "        ...,",
      "        [1480, 1481, 1482,  ..., 1517, 1518, 1519],",
      "        [1520, 1521, 1522,  ..., 1557, 1558, 1559],",
      "        [1560, 1561, 1562,  ..., 1597, 1598, 1599]], dtype=int32)",
    ]);
    // Exactly at the threshold nothing is summarised.
    expect(formatTensor(zeros([1000]))).not.toContain("...");
  });

  it("wraps long rows at 80 columns as PyTorch does", () => {
    const text = arange(20).toString();
    const lines = text.split("\n");
    expect(lines.length).toBe(3);
    for (const line of lines)
      expect(line.length).toBeLessThanOrEqual(80 + ", dtype=float32)".length);
    expect(lines[0]).toBe(
      "tensor([ 0.0000,  1.0000,  2.0000,  3.0000,  4.0000,  5.0000,  6.0000,  7.0000,",
    );
    expect(lines[1]?.startsWith("         8.0000,")).toBe(true);
  });

  it("is what Node's console.log and util.inspect print (not the internals)", () => {
    const t = tensor([1, 2], { requiresGrad: true });
    expect(inspect(t)).toBe(t.toString());
    expect(inspect({ w: t })).toContain("tensor([1.0000, 2.0000]");
    expect(inspect(t)).not.toContain("_storage");
  });
});
