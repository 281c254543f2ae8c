import { describe, expect, it } from "vitest";
import { outputPoolStats, pooledFloat32, pooledFloat64, releaseOutput } from "./buffer-pool.js";

describe("the output pool", () => {
  it("a new pooled array owns its whole buffer, so a released one serves the next output", () => {
    for (const [make, bytes] of [
      [pooledFloat32, 4],
      [pooledFloat64, 8],
    ] as const) {
      const n = 5003;
      const a = make(n);
      expect(a.length).toBe(n);
      expect(a.byteOffset).toBe(0);
      expect(a.buffer.byteLength).toBe(n * bytes);
      const reused = outputPoolStats().reused;
      releaseOutput(a);
      expect(make(n)).toBe(a);
      expect(outputPoolStats().reused).toBe(reused + 1);
    }
  });
});
