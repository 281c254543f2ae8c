import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { permute } from "./movement.js";

const seed = Number(process.env.FC_SEED ?? 42);

// The blocked fast path (last two axes swapped) against the definition out[b, j, i] = x[b, i, j].
describe("CPU permute", () => {
  it("swapping the last two axes matches the definition, across block edges and batches", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 70 }),
        (batch, rows, cols) => {
          const x = new Float64Array(batch * rows * cols).map((_, i) => i * 0.5 - 3);
          const out = permute(x, [batch, rows, cols], [0, 2, 1], "float64");
          for (let b = 0; b < batch; b++)
            for (let i = 0; i < rows; i++)
              for (let j = 0; j < cols; j++) {
                const want = x[b * rows * cols + i * cols + j];
                if (out[b * rows * cols + j * rows + i] !== want)
                  expect.fail(`[${b}, ${j}, ${i}] of a [${batch}, ${rows}, ${cols}] transpose`);
              }
        },
      ),
      { seed, numRuns: 60 },
    );
  });

  it("converts to the output dtype as it copies", () => {
    const out = permute(new Float32Array([1.5, -2.5, 3, 4]), [2, 2], [1, 0], "int32");
    expect(out).toBeInstanceOf(Int32Array);
    expect(Array.from(out)).toEqual([1, 3, -2, 4]);
  });
});
