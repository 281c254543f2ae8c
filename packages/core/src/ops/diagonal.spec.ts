import fc from "fast-check";
import { dimAt } from "../shape.js";
import { arbShape, arbTensor, type OpCase } from "../testing/index.js";
import type { OpTestSpec } from "../testing/spec.js";
import { diagonal } from "./diagonal.js";

/** Number of index pairs (i, i + offset) inside a rows × cols plane, counted one by one. */
function diagonalLength(rows: number, cols: number, offset: number): number {
  let n = 0;
  for (let i = 0; i < rows; i++) if (i + offset >= 0 && i + offset < cols) n++;
  return n;
}

const diagonalCase = arbShape({ minRank: 2, maxRank: 4, maxDim: 3 }).chain((shape) =>
  fc
    .tuple(
      arbTensor({ shape, min: -3, max: 3 }),
      fc.integer({ min: -3, max: 3 }),
      fc.shuffledSubarray(
        shape.map((_, i) => i),
        { minLength: 2, maxLength: 2 },
      ),
      fc.boolean(),
    )
    .map(([x, offset, [a = 0, b = 1], negative]): OpCase => {
      const dim1 = negative ? a - shape.length : a;
      const rest = shape.filter((_, i) => i !== a && i !== b);
      return {
        inputs: [x],
        call: (t) => diagonal(t, offset, dim1, b),
        shape: [...rest, diagonalLength(dimAt(shape, a), dimAt(shape, b), offset)],
        label: `offset=${offset}, dim1=${dim1}, dim2=${b}`,
      };
    }),
);

export const specs: readonly OpTestSpec[] = [
  { op: "diagonal", composite: true, cases: diagonalCase },
];
