import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ArgumentError,
  defineOp,
  getOp,
  gradients,
  isBuiltinOp,
  listOps,
  type Tensor,
  tensor,
} from "../index.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("defineOp: redefining an op", () => {
  it("replaces a user op of the same name with a warning (REPL, hot reload)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const first = defineOp<[Tensor]>({
      name: "testRedefined",
      shape: ([x]) => x.shape,
      compute: ([x]) => x.mul(2),
    });
    expect(warn).not.toHaveBeenCalled();
    const second = defineOp<[Tensor]>({
      name: "testRedefined",
      shape: ([x]) => x.shape,
      compute: ([x]) => x.mul(3),
    });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('replacing the op "testRedefined"');
    // The registry holds the new definition once; each returned function keeps its own.
    expect(getOp("testRedefined")).toBe(second.def);
    expect(listOps().filter((d) => d.name === "testRedefined")).toHaveLength(1);
    expect(second([tensor([1])]).toArray()).toEqual([3]);
    expect(first([tensor([1])]).toArray()).toEqual([2]);
  });

  it("refuses the name of a built-in op, naming it", () => {
    expect(isBuiltinOp("mul")).toBe(true);
    expect(isBuiltinOp("testRedefined")).toBe(false);
    const redefine = () =>
      defineOp<[Tensor]>({ name: "mul", shape: ([x]) => x.shape, compute: ([x]) => x });
    expect(redefine).toThrow(ArgumentError);
    expect(redefine).toThrow('defineOp: "mul" is a built-in op of Fluxion and cannot be redefined');
    // The built-in is untouched.
    expect(
      tensor([2])
        .mul(tensor([3]))
        .toArray(),
    ).toEqual([6]);
  });

  it("marks every op registered by the package entry as built in", () => {
    for (const def of listOps())
      if (!def.name.startsWith("test")) expect(isBuiltinOp(def.name)).toBe(true);
  });
});

describe("defineOp: a forward that saves intermediates for its vjp", () => {
  // cube with x² computed once: the vjp's 3x² reuses it when the forward saved it
  const seen: { recording: boolean[]; saved: number[] } = { recording: [], saved: [] };
  const cube = defineOp<[Tensor]>({
    name: "testCubeSaving",
    shape: ([x]) => x.shape,
    forward: (be, [x], _attrs, out) => {
      seen.recording.push(out.recording);
      const square = be.binary("mul", x.data, x.shape, x.data, x.shape, out.shape, out.dtype);
      const output = be.binary("mul", square, out.shape, x.data, x.shape, out.shape, out.dtype);
      return out.recording ? { output, saved: [square] } : output;
    },
    // d/dx x³ = 3x², from the saved x² or from x
    vjp: (g, { inputs: [x], saved }) => {
      seen.saved.push(saved.length);
      const [square] = saved;
      expect(square?.requiresGrad ?? false).toBe(false);
      return [g.mul(square ?? x.mul(x)).mul(3)];
    },
  });

  it("saves only when the call records a graph, and the vjp reads what it saved", () => {
    seen.recording.length = 0;
    seen.saved.length = 0;
    const x = tensor([1.5, -2, 0.25], { dtype: "float64", requiresGrad: true });
    cube([x.detach()]);
    const y = cube([x]);
    expect(seen.recording).toEqual([false, true]);
    y.backward(tensor([1, 2, -1], { dtype: "float64" }));
    expect(seen.saved).toEqual([1]);
    expect(x.grad?.toArray()).toEqual([3 * 1.5 ** 2, 2 * 3 * 4, -3 * 0.0625]);
    // the graph (and what was saved) is freed: a second backward is the usual error
    expect(() => y.backward(tensor([1, 1, 1], { dtype: "float64" }))).toThrow(/second time/);
  });

  it("withholds what was saved from a rule whose own graph backward records: second derivatives stay right", () => {
    seen.saved.length = 0;
    const x = tensor([1.5, -2], { dtype: "float64", requiresGrad: true });
    const [dx] = gradients([cube([x]).sum()], [x], { createGraph: true });
    expect(seen.saved).toEqual([0]);
    expect(dx?.toArray()).toEqual([3 * 1.5 ** 2, 3 * 4]);
    // d²/dx² x³ = 6x: a saved x² would be a constant here and give 3x instead
    const [ddx] = gradients([(dx as Tensor).sum()], [x]);
    expect(ddx?.toArray()).toEqual([6 * 1.5, 6 * -2]);
  });

  it("keeps what was saved with a retained graph, for a second backward", () => {
    const x = tensor([2], { dtype: "float64", requiresGrad: true });
    const y = cube([x]);
    y.backward(undefined, { retainGraph: true });
    y.backward();
    expect(x.grad?.toArray()).toEqual([24]);
  });

  it("names the op when a forward saves arrays of the wrong length, or without a graph", () => {
    const wrongLength = defineOp<[Tensor]>({
      name: "testSavingWrongLength",
      shape: ([x]) => x.shape,
      forward: (_be, [x]) => ({ output: x.data.slice(), saved: [new Float32Array(1)] }),
      vjp: (g) => [g],
    });
    const x = tensor([1, 2], { requiresGrad: true });
    expect(() => wrongLength([x])).toThrow(
      /testSavingWrongLength: forward returned 1 values for shape \[2\]/,
    );
    expect(() => wrongLength([x.detach()])).toThrow(
      /testSavingWrongLength: forward saved arrays for a call that records no graph/,
    );
    const savingOwn = defineOp<[Tensor]>({
      name: "testSavingOwnArrays",
      shape: ([x]) => x.shape,
      forward: (_be, [x], _attrs, out) => {
        const output = x.data.slice();
        return { output, saved: out.dtype === "float32" ? [output] : [x.data as Float64Array] };
      },
      vjp: (g) => [g],
    });
    expect(() => savingOwn([x])).toThrow(
      /testSavingOwnArrays: forward saved its output or an input's array/,
    );
    expect(() => savingOwn([tensor([1], { dtype: "float64", requiresGrad: true })])).toThrow(
      /input's array/,
    );
    const savingOtherDtype = defineOp<[Tensor]>({
      name: "testSavingOtherDtype",
      shape: ([x]) => x.shape,
      forward: (_be, [x]) => ({ output: x.data.slice(), saved: [new Float64Array(x.data.length)] }),
      vjp: (g) => [g],
    });
    expect(() => savingOtherDtype([x])).toThrow(
      /testSavingOtherDtype: forward saved a float64 array for a float32 output/,
    );
  });
});
