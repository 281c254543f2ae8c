import { describe, expect, it } from "vitest";
import {
  AnomalyError,
  ArgumentError,
  DTypeError,
  FluxionError,
  GradcheckError,
  GraphError,
  IndexError,
  ShapeError,
} from "./errors.js";

describe("error classes", () => {
  it("are named, distinct subclasses of FluxionError and Error", () => {
    const classes = [
      ShapeError,
      DTypeError,
      ArgumentError,
      GraphError,
      AnomalyError,
      GradcheckError,
    ];
    for (const C of classes) {
      const e = new C("op: message");
      expect(e).toBeInstanceOf(FluxionError);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(C.name);
      expect(e.message).toBe("op: message");
      expect(String(e)).toBe(`${C.name}: op: message`);
      for (const other of classes) if (other !== C) expect(e).not.toBeInstanceOf(other);
    }
  });

  it("IndexError is a kind of ArgumentError (an index value out of range is a bad argument)", () => {
    const e = new IndexError("gather: index value 3 …");
    expect(e).toBeInstanceOf(ArgumentError);
    expect(e).toBeInstanceOf(FluxionError);
    expect(e.name).toBe("IndexError");
    expect(String(e)).toBe("IndexError: gather: index value 3 …");
  });
});
