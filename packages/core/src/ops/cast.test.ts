import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import type { DType } from "../dtype.js";
import { DTypeError } from "../errors.js";
import { tensor } from "../tensor/create.js";
import { cast } from "./cast.js";

describe("cast", () => {
  it("converts between dtypes; to int32 truncates towards zero", () => {
    const x = tensor([1.7, -1.7, 2.5], { dtype: "float64" });
    expect(cast(x, "int32").toArray()).toEqual([1, -1, 2]);
    expect(cast(x, "float32").toArray()).toEqual([Math.fround(1.7), Math.fround(-1.7), 2.5]);
    expect(cast(tensor([3], { dtype: "int32" }), "float64").dtype).toBe("float64");
  });

  it("returns the tensor itself when the dtype already matches", () => {
    const x = tensor([1]);
    expect(cast(x, "float32")).toBe(x);
  });

  it("is differentiable between float dtypes, the gradient cast back", () => {
    const g = grad((x) =>
      cast(x, "float64")
        .mul(tensor([2, 3], { dtype: "float64" }))
        .sum(),
    )(tensor([1, 1]));
    expect(g.dtype).toBe("float32");
    expect(g.toArray()).toEqual([2, 3]);
  });

  it("rejects unknown dtypes with a DTypeError", () => {
    expect(() => cast(tensor([1]), "int8" as DType)).toThrow(DTypeError);
    expect(() => cast(tensor([1]), "int8" as DType)).toThrow(
      "cast: unknown dtype int8 (expected float32, float64 or int32)",
    );
  });
});
