/** Issue 10: the wasm arena computes offsets past 2³¹ bytes and refuses (not traps) past 4 GiB. */
import { describe, expect, it } from "vitest";
import { getRuntime, MAX_WASM_BYTES } from "../../packages/core/src/backend/wasm/runtime.js";

describe("wasm arena", () => {
  const rt = getRuntime("simd128");
  it.skipIf(rt === null)(
    "a request past 4 GiB is a RangeError about memory, before growing",
    () => {
      if (rt === null) return;
      rt.reset();
      const before = rt.f32.buffer.byteLength;
      expect(() => rt.alloc(MAX_WASM_BYTES / 4)).toThrow(/4 GiB/);
      expect(rt.f32.buffer.byteLength).toBe(before);
      rt.reset();
      const p = rt.put(new Float32Array([1, 2, 3]));
      expect(Array.from(rt.take(p, 3))).toEqual([1, 2, 3]);
    },
  );
});
