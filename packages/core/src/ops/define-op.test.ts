import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ArgumentError,
  defineOp,
  getOp,
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
