import { readdirSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dir = new URL("../../../docs/figures/", import.meta.url);

describe("docs/figures", () => {
  it("keeps every figure under 300 KB (the README embeds them)", () => {
    const figures = readdirSync(dir).filter((f) => /\.(svg|png)$/.test(f));
    expect(figures.length).toBeGreaterThan(0);
    const tooBig = figures.filter((f) => statSync(new URL(f, dir)).size >= 300 * 1024);
    expect(tooBig).toEqual([]);
  });
});
