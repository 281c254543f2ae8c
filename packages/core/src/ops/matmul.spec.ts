import fc from "fast-check";
import { arbBroadcastableShapes, arbTensor, type OpCase } from "../testing/index.js";
import type { OpTestSpec } from "../testing/spec.js";
import { matmul } from "./matmul.js";

const matmulCase = fc
  .tuple(
    arbBroadcastableShapes(2, { maxRank: 2, maxDim: 2 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 3 }),
    fc.constantFrom("batched", "vector-left", "vector-right", "vectors"),
    fc.boolean(),
    fc.boolean(),
  )
  .chain(([[batch, ba = [], bb = []], m, k, n, kind, tA, tB]) => {
    // transposes apply to matrix operands only; a transposed operand is drawn in transposed shape
    const transposeA = tA && kind !== "vector-left" && kind !== "vectors";
    const transposeB = tB && kind !== "vector-right" && kind !== "vectors";
    const sa =
      kind === "vector-left" || kind === "vectors"
        ? [k]
        : [...ba, ...(transposeA ? [k, m] : [m, k])];
    const sb =
      kind === "vector-right" || kind === "vectors"
        ? [k]
        : [...bb, ...(transposeB ? [n, k] : [k, n])];
    const out =
      kind === "vectors"
        ? []
        : kind === "vector-left"
          ? [...bb, n]
          : kind === "vector-right"
            ? [...ba, m]
            : [...batch, m, n];
    return fc
      .tuple(arbTensor({ shape: sa, min: -2, max: 2 }), arbTensor({ shape: sb, min: -2, max: 2 }))
      .map(
        ([a, b]): OpCase => ({
          inputs: [a, b],
          call: (x, y) => matmul(x, y, { transposeA, transposeB }),
          shape: out,
          label: `${kind}${transposeA ? ", transposeA" : ""}${transposeB ? ", transposeB" : ""}`,
        }),
      );
  });

export const specs: readonly OpTestSpec[] = [{ op: "matmul", cases: matmulCase }];
