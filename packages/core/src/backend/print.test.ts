import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { getBackend, getNumThreads, listBackends, setBackend } from "./index.js";

describe("printing a backend", () => {
  it("shows its name and thread count, in toString and in console.log", () => {
    const before = getBackend().name;
    try {
      for (const name of listBackends()) {
        setBackend(name);
        const b = getBackend();
        const threads = name.startsWith("wasm") ? getNumThreads() : 1;
        expect(String(b)).toBe(`Backend(name=${name}, threads=${threads})`);
        expect(inspect(b)).toBe(String(b));
        // The kernels stay callable and enumerable as before: printing adds no own enumerable key.
        expect(Object.keys(b)).not.toContain("toString");
      }
    } finally {
      setBackend(before);
    }
  });
});
