import { describe, expect, it } from "vitest";
import { grad } from "../autodiff/functional.js";
import { tensor } from "../tensor/create.js";
import { fmod } from "./fmod.js";
import { remainder } from "./remainder.js";

const f64 = { dtype: "float64" } as const;

describe("fmod and remainder", () => {
  it("fmod takes the dividend's sign, remainder the divisor's (torch.fmod / torch.remainder)", () => {
    const a = tensor([-3, -1, 1, 3, 5.5], f64);
    expect(fmod(a, 2).toArray()).toEqual([-1, -1, 1, 1, 1.5]);
    expect(remainder(a, 2).toArray()).toEqual([1, 1, 1, 1, 1.5]);
    expect(fmod(a, -2).toArray()).toEqual([-1, -1, 1, 1, 1.5]);
    expect(remainder(a, -2).toArray()).toEqual([-1, -1, -1, -1, -0.5]);
  });

  it("broadcasts and keeps int32", () => {
    const r = remainder(
      tensor([[-7], [7]], { dtype: "int32" }),
      tensor([3, -3], { dtype: "int32" }),
    );
    expect(r.dtype).toBe("int32");
    expect(r.toArray()).toEqual([
      [2, -1],
      [1, -2],
    ]);
  });

  it("has gradients 1 and −trunc(a/b) (fmod) or −floor(a/b) (remainder)", () => {
    const a = tensor([-5.5, 5.5], f64);
    const b = tensor([2, 2], f64);
    const [, gbF] = grad((x, y) => fmod(x, y).sum(), { argnums: [0, 1] })(a, b);
    const [gaR, gbR] = grad((x, y) => remainder(x, y).sum(), { argnums: [0, 1] })(a, b);
    expect(gbF?.toArray()).toEqual([2, -2]);
    expect(gaR?.toArray()).toEqual([1, 1]);
    expect(gbR?.toArray()).toEqual([3, -2]);
  });
});
