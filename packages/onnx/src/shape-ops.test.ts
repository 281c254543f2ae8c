/**
 * The shape, masking and indexing ops of issue 15 (maskedFill … scatter) exported and run in ONNX
 * Runtime, as ops.test.ts does for the others: traced at batch 3, run at batch 1 and 64.
 */
import {
  chunk,
  concat,
  flip,
  Generator,
  maskedFill,
  pad,
  randn,
  repeat,
  roll,
  scatter,
  scatterAdd,
  split,
  type Tensor,
  tensor,
  tile,
  tril,
  triu,
  unbind,
} from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { exportOnnx } from "./index.js";
import { expectClose } from "./test-utils/compare.js";
import { runOrt } from "./test-utils/run-ort.js";

/** Exports `f` at batch 3 and compares ONNX Runtime with Fluxion at batch 1 and 64. */
async function check(f: (x: Tensor) => Tensor, features: number, what: string): Promise<void> {
  const gen = new Generator(17);
  const bytes = exportOnnx(f, randn([3, features], { generator: gen }));
  for (const batch of [1, 64]) {
    const x = randn([batch, features], { generator: gen });
    const expected = f(x);
    const got = (await runOrt(bytes, { input: x })).output;
    expect(got?.dims, `${what}, batch ${batch}`).toEqual(expected.shape);
    expectClose(got?.data ?? [], expected._data, `${what}, batch ${batch}`);
  }
}

const rows = (t: Tensor) => t.reshape([t.shape[0] ?? 0, -1]);

describe("shape ops in ONNX Runtime (dynamic batch 1 and 64)", () => {
  it("maskedFill, tril, triu, flip and roll", async () => {
    await check(
      (x) => {
        const n = x.shape[0] ?? 0;
        const r = x.reshape([n, 3, 4]);
        return concat(
          [
            maskedFill(x, x.gt(0.5), -1),
            maskedFill(x, x.lt(0), tensor(0.25)),
            rows(tril(r)),
            rows(triu(r, 1)),
            rows(tril(r, -1).add(triu(r, 2))),
            rows(flip(r, [1, -1])),
            rows(roll(r, 1, 2)),
            rows(roll(r, [-1, 5], [1, 2])),
          ],
          1,
        );
      },
      12,
      "maskedFill … roll",
    );
  });

  it("split, chunk, unbind, repeat and tile", async () => {
    await check(
      (x) => {
        const n = x.shape[0] ?? 0;
        const r = x.reshape([n, 2, 3]);
        const [a, b] = split(x, [2, 4], 1);
        const c = chunk(x, 4, 1); // 2, 2, 2: three pieces
        const u = unbind(r, 1);
        return concat(
          [
            b ?? x,
            a ?? x,
            ...c.reverse(),
            ...u.map((t, i) => t.mul(i + 1)),
            rows(repeat(r, [1, 2, 1])),
            rows(repeat(x, [1, 2])),
            tile(x, [3]),
            rows(tile(r, [2, 1])),
          ],
          1,
        );
      },
      6,
      "split … tile",
    );
  });

  it("scatter (a tensor and a number) and scatterAdd with a larger src", async () => {
    await check(
      (x) => {
        const n = x.shape[0] ?? 0;
        const idx = tensor([[4, 0, 2]], { dtype: "int32" }).expand([n, 3]);
        const src = x.slice([null, [1, 4]]).mul(10);
        return concat(
          [
            scatter(x, 1, idx, src),
            scatter(x, 1, idx, 7),
            scatterAdd(x, 1, tensor([[1, 1]], { dtype: "int32" }).expand([n, 2]), x),
          ],
          1,
        );
      },
      5,
      "scatter",
    );
  });

  it("pad: constant (with cropping), reflect, replicate and circular", async () => {
    await check(
      (x) => {
        const n = x.shape[0] ?? 0;
        const r = x.reshape([n, 3, 4]);
        return concat(
          [
            pad(x, [2, 1]),
            pad(x, [-1, 3], { value: -2 }),
            rows(pad(r, [1, 1, 2, -1], { value: 0.5 })),
            rows(pad(r, [3, 2, 2, 1], { mode: "reflect" })),
            rows(pad(r, [5, 0, 1, 3], { mode: "replicate" })),
            rows(pad(r, [4, 1, 3, 2], { mode: "circular" })),
          ],
          1,
        );
      },
      12,
      "pad",
    );
  });
});
