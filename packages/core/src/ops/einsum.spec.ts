import fc from "fast-check";
import { arbTensor, type OpCase } from "../testing/index.js";
import type { OpTestSpec } from "../testing/spec.js";
import { einsum } from "./einsum.js";

/** A drawn einsum problem: explicit equation, operand shapes and the output shape. */
export interface EinsumProblem {
  readonly equation: string;
  readonly shapes: readonly (readonly number[])[];
  readonly out: readonly number[];
}

/**
 * Random explicit equations over the letters a–d: 1 to 3 operands of rank 0 to 3 (letters may
 * repeat within an operand: a diagonal), an output of distinct used letters in any order, each
 * letter of one size from 1 to 3 (or, where `broadcast`, sometimes 1 in one operand).
 */
export function arbEinsumProblem(broadcast = false): fc.Arbitrary<EinsumProblem> {
  const letters = ["a", "b", "c", "d"];
  return fc
    .tuple(
      fc.array(fc.array(fc.constantFrom(...letters), { maxLength: 3 }), {
        minLength: 1,
        maxLength: 3,
      }),
      fc.tuple(...letters.map(() => fc.integer({ min: 1, max: 3 }))),
    )
    .chain(([terms, sizeList]) => {
      const used = [...new Set(terms.flat())];
      const size = (l: string) => sizeList[letters.indexOf(l)] ?? 1;
      return fc
        .tuple(
          fc.shuffledSubarray(used),
          fc.array(fc.boolean(), { minLength: terms.length, maxLength: terms.length }),
        )
        .map(([output, ones]): EinsumProblem => {
          const shapes = terms.map((t, i) =>
            // a broadcast operand has size 1 for its letters that are not repeated within it
            t.map((l) => (broadcast && ones[i] && t.indexOf(l) === t.lastIndexOf(l) ? 1 : size(l))),
          );
          const out = output.map((l) => {
            const sizes = terms.flatMap((t, i) =>
              t.flatMap((m, j) => (m === l ? [shapes[i]?.[j] ?? 1] : [])),
            );
            return Math.max(...sizes);
          });
          return {
            equation: `${terms.map((t) => t.join("")).join(",")}->${output.join("")}`,
            shapes,
            out,
          };
        });
    });
}

/** Fixed patterns with "..." and the implicit form, whose output shapes are worked out by hand. */
const patterns: readonly EinsumProblem[] = [
  {
    equation: "...ij,...jk->...ik",
    shapes: [
      [2, 2, 3],
      [3, 2],
    ],
    out: [2, 2, 2],
  },
  { equation: "...ii->...i", shapes: [[2, 3, 3]], out: [2, 3] },
  { equation: "i...->...", shapes: [[2, 3, 1]], out: [3, 1] },
  {
    equation: "...i,...i",
    shapes: [
      [2, 1, 3],
      [2, 3],
    ],
    out: [2, 2],
  },
  {
    equation: "ij,jk",
    shapes: [
      [2, 3],
      [3, 2],
    ],
    out: [2, 2],
  },
  { equation: "ba", shapes: [[2, 3]], out: [3, 2] },
  { equation: "ii", shapes: [[3, 3]], out: [] },
  {
    equation: "bij,bkj->bik",
    shapes: [
      [2, 2, 3],
      [2, 1, 3],
    ],
    out: [2, 2, 1],
  },
];

const toCase = ({ equation, shapes, out }: EinsumProblem) =>
  fc.tuple(...shapes.map((shape) => arbTensor({ shape, min: -2, max: 2 }))).map(
    (inputs): OpCase => ({
      inputs,
      call: (...ts) => einsum(equation, ...ts),
      shape: out,
      label: equation,
    }),
  );

export const specs: readonly OpTestSpec[] = [
  {
    op: "einsum",
    composite: true,
    cases: fc.oneof(
      arbEinsumProblem().chain(toCase),
      arbEinsumProblem(true).chain(toCase),
      fc.constantFrom(...patterns).chain(toCase),
    ),
  },
];
