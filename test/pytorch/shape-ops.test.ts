/**
 * Fluxion's shape, masking and indexing ops against PyTorch, without PyTorch:
 * scripts/pytorch/shape_ops.py recorded PyTorch's float64 outputs and the gradients of
 * sum(output · upstream) for each case in golden/shape-ops.json; Fluxion must match every number
 * to 1e-10. The cases cover masked_fill, tril, triu, flip, roll, split, chunk, unbind, repeat,
 * tile, scatter, scatter_add and F.pad in every mode (see the script for each case's arguments).
 */
import { readFileSync } from "node:fs";
import {
  chunk,
  flip,
  gradients,
  maskedFill,
  type PadMode,
  pad,
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

interface Values {
  shape: number[];
  data: number[];
}
interface Case {
  op: string;
  args: Record<string, unknown>;
  inputs: Values[];
  ints: Values[];
  outputs: Values[];
  upstream: number[][];
  grads: (number[] | null)[];
}

const golden = JSON.parse(
  readFileSync(new URL("../../scripts/pytorch/golden/shape-ops.json", import.meta.url), "utf8"),
) as { cases: Case[] };

const TOL = 1e-10;
const f64 = (v: Values) => tensor(Float64Array.from(v.data), { shape: v.shape, dtype: "float64" });
const i32 = (v: Values) => tensor(Int32Array.from(v.data), { shape: v.shape });

/** Fluxion's call for a recorded case: the same op with the same arguments. */
function call(c: Case, xs: Tensor[], ints: Tensor[]): Tensor | Tensor[] {
  const a = c.args as Record<string, never>;
  const [x, y] = xs;
  const [index] = ints;
  if (x === undefined) throw new Error("a case without inputs");
  const idx = () => index ?? expect.fail(`${c.op} needs an int32 input`);
  switch (c.op) {
    case "maskedFill":
      return maskedFill(x, idx(), y ?? a.value);
    case "tril":
      return tril(x, a.diagonal);
    case "triu":
      return triu(x, a.diagonal);
    case "flip":
      return flip(x, a.dims);
    case "roll":
      return roll(x, a.shifts, a.dims ?? undefined);
    case "split":
      return split(x, a.splitSizeOrSections, a.dim);
    case "chunk":
      return chunk(x, a.chunks, a.dim);
    case "unbind":
      return unbind(x, a.dim);
    case "repeat":
      return repeat(x, a.reps);
    case "tile":
      return tile(x, a.reps);
    case "scatter":
      return scatter(x, a.dim, idx(), y ?? a.value);
    case "scatterAdd":
      return scatterAdd(x, a.dim, idx(), y ?? expect.fail("scatterAdd needs src"));
    case "pad":
      return pad(x, a.pad, a.mode === undefined ? { value: a.value } : { mode: a.mode as PadMode });
    default:
      throw new Error(`no Fluxion call for ${c.op}`);
  }
}

function expectClose(got: ArrayLike<number>, want: readonly number[], what: string): void {
  expect(got.length, what).toBe(want.length);
  want.forEach((w, i) => {
    const g = got[i] ?? Number.NaN;
    if (!(Math.abs(g - w) <= TOL * Math.max(1, Math.abs(w))))
      expect.fail(`${what}: entry ${i} is ${g}, PyTorch gives ${w}`);
  });
}

const ops = [...new Set(golden.cases.map((c) => c.op))];

describe("shape ops agree with PyTorch (float64, 1e-10)", () => {
  it("the golden file covers every op", () => {
    expect(ops.sort()).toEqual(
      [
        "chunk",
        "flip",
        "maskedFill",
        "pad",
        "repeat",
        "roll",
        "scatter",
        "scatterAdd",
        "split",
        "tile",
        "tril",
        "triu",
        "unbind",
      ].sort(),
    );
  });

  it.each(ops)("%s: outputs and gradients", (op) => {
    for (const [k, c] of golden.cases.entries()) {
      if (c.op !== op) continue;
      const what = `case ${k} ${op}(${JSON.stringify(c.args)})`;
      const xs = c.inputs.map((v) => f64(v).requiresGrad_());
      const result = call(c, xs, c.ints.map(i32));
      const outs = Array.isArray(result) ? result : [result];
      expect(outs.length, `${what}: number of outputs`).toBe(c.outputs.length);
      outs.forEach((o, i) => {
        const want = c.outputs[i] as Values;
        expect(o.shape, `${what}: output ${i} shape`).toEqual(want.shape);
        expectClose(o.data(), want.data, `${what}: output ${i}`);
      });
      if (c.grads.every((g) => g === null)) continue;
      const objective = outs
        .map((o, i) =>
          o.mul(tensor(Float64Array.from(c.upstream[i] ?? []), { shape: o.shape })).sum(),
        )
        .reduce((s, t) => s.add(t));
      const grads = gradients([objective], xs);
      c.grads.forEach((g, i) => {
        if (g !== null) expectClose(grads[i]?.data() ?? [], g, `${what}: gradient of input ${i}`);
      });
    }
  });
});
