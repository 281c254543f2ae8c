// This file imports define-op before anything else on purpose: define-op, tensor and the ops import
// each other, and the op registry used to be uninitialised when an op defined itself during that
// cycle ("Cannot access 'registry' before initialization").
import { describe, expect, it } from "vitest";
import { defineOp } from "./define-op.js";

describe("module cycle", () => {
  it("importing define-op first still registers every built-in op", async () => {
    const { listOps } = await import("../registry.js");
    expect(typeof defineOp).toBe("function");
    expect(listOps().map((op) => op.name)).toEqual(
      expect.arrayContaining(["add", "matmul", "sum", "gather"]),
    );
  });
});
