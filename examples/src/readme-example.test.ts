import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const file = readFileSync(new URL("./readme-example.ts", import.meta.url), "utf8");

describe("README example", () => {
  it("is the same code as examples/src/readme-example.ts", () => {
    const block = readme.match(/## Example[\s\S]*?```ts\n([\s\S]*?)```/)?.[1];
    expect(block?.trimEnd()).toBe(file.trimEnd());
  });

  it("runs: the network learns XOR and the second derivative of x³ at 2 is 12", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await import("./readme-example.js");
      const [probabilities, second] = log.mock.calls.map((c) => c[0]);
      const p = (probabilities as number[][]).map((r) => r[0] as number);
      expect(p[0]).toBeLessThan(0.1);
      expect(p[1]).toBeGreaterThan(0.9);
      expect(p[2]).toBeGreaterThan(0.9);
      expect(p[3]).toBeLessThan(0.1);
      expect(second).toBeCloseTo(12, 4);
    } finally {
      log.mockRestore();
    }
  });
});
