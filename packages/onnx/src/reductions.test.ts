import { concat, Generator, randn, type Tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { exportOnnx } from "./index.js";
import { expectClose } from "./test-utils/compare.js";
import { runOrt } from "./test-utils/run-ort.js";

/** Exports `f` at batch 3 and compares ONNX Runtime with Fluxion at batch 1 and 64 (float32). */
async function check(f: (x: Tensor) => Tensor, features: number, what: string): Promise<void> {
  const gen = new Generator(23);
  const bytes = exportOnnx(f, randn([3, features], { generator: gen }));
  for (const batch of [1, 64]) {
    const x = randn([batch, features], { generator: gen });
    const expected = f(x);
    const got = (await runOrt(bytes, { input: x })).output;
    expect(got?.dims, `${what}, batch ${batch}`).toEqual(expected.shape);
    expectClose(got?.data ?? [], expected._data, `${what}, batch ${batch}`);
  }
}

describe("reductions, scans and norms in ONNX Runtime (dynamic batch 1 and 64)", () => {
  it("prod, cumsum, cumprod (forward and along the batch), amax, amin, maxDim and minDim", async () => {
    await check(
      (x) => {
        const n = x.shape[0] ?? 0;
        const r = x.reshape([n, 2, 3]);
        const m = r.maxDim(2);
        return concat(
          [
            r.prod(2),
            r.prod([1, 2], true).reshape([n, 1]),
            x.cumsum(1),
            x.cumsum(0),
            x.mul(3).to("int32").cumsum(-1).to("float32"),
            r.cumprod(1).reshape([n, 6]),
            r.cumprod(2).reshape([n, 6]),
            x.mul(2).to("int32").cumprod(1).to("float32"),
            r.amax(1),
            r.amin([1, 2], true).reshape([n, 1]),
            m.values,
            m.indices.to("float32"),
            r.minDim(1, true).values.reshape([n, 3]),
          ],
          1,
        );
      },
      6,
      "products and scans",
    );
  });

  it("norm for p = 2, 1, 3, 0.5, ±Infinity and 0, over chosen axes", async () => {
    await check(
      (x) => {
        const n = x.shape[0] ?? 0;
        const r = x.reshape([n, 2, 3]);
        return concat(
          [
            r.norm(2, 2),
            r.norm("fro", [1, 2], true).reshape([n, 1]),
            r.norm(1, 1),
            r.norm(3, 2),
            x.norm(0.5, 1, true),
            r.norm(Infinity, 2),
            r.norm(-Infinity, 1),
            r.norm(0, 2),
          ],
          1,
        );
      },
      6,
      "norms",
    );
  });

  it("argsort, sort and topk, along a feature axis and along the batch", async () => {
    await check(
      (x) => {
        const n = x.shape[0] ?? 0;
        const r = x.reshape([n, 2, 4]);
        const s = r.sort(2, true);
        const t = x.topk(3, 1, false);
        return concat(
          [
            x.argsort(1).to("float32"),
            s.values.reshape([n, 8]),
            s.indices.reshape([n, 8]).to("float32"),
            r.sort(1).values.reshape([n, 8]),
            t.values,
            t.indices.to("float32"),
            x.topk(2).values,
            x.sort(0).values,
            x.argsort(0, true).to("float32"),
          ],
          1,
        );
      },
      8,
      "sorting",
    );
  });

  it("cumprod along the dynamic batch axis says why it cannot be exported", () => {
    expect(() => exportOnnx((x: Tensor) => x.cumprod(0), randn([3, 2]))).toThrow(
      /exportOnnx: op "cumprod" \(call 1\) cannot be exported: scans the dynamic axis 0/,
    );
  });
});
