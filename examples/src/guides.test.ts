// Every guide in docs/guides runs: its ```ts blocks, joined in order, form one module that is
// imported here. Each console.log in a guide ends with a `// → expected` comment and runs once;
// the printed text must match it (numbers to 4 significant digits, the rest exactly).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";

const guides = new URL("../../docs/guides/", import.meta.url);
const scratch = new URL("./.guides/", import.meta.url);
const names = readdirSync(guides).filter((f) => f.endsWith(".md") && f !== "README.md");

/** What console.log would print for these arguments, as the guides' comments write it. */
function printed(args: unknown[]): string {
  return args
    .map((a) =>
      typeof a === "string" || (typeof a === "object" && a !== null && !Array.isArray(a))
        ? String(a)
        : JSON.stringify(a),
    )
    .join(" ");
}

/** Equal text, with each number in `actual` within 5e-4 (relative, or absolute near 0) of `expected`'s. */
function matches(actual: string, expected: string): boolean {
  const num = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;
  const an = actual.match(num) ?? [];
  const en = expected.match(num) ?? [];
  if (
    actual.replace(num, "#").replace(/\s+/g, "") !== expected.replace(num, "#").replace(/\s+/g, "")
  )
    return false;
  if (an.length !== en.length) return false;
  return an.every((a, i) => {
    const x = Number(a);
    const y = Number(en[i]);
    return Math.abs(x - y) <= 5e-4 * Math.max(1, Math.abs(y));
  });
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("docs/guides", () => {
  it("has the guides the README links", () => {
    const index = readFileSync(new URL("README.md", guides), "utf8");
    for (const name of names) expect(index).toContain(`(${name})`);
  });

  for (const name of names) {
    it(`${name} runs and prints what it says`, async () => {
      const text = readFileSync(new URL(name, guides), "utf8");
      const code = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).join("\n");
      expect(code.length).toBeGreaterThan(0);
      const expected = [...code.matchAll(/console\.log\(.*\/\/ → (.*)$/gm)].map((m) => m[1] ?? "");
      const calls = (code.match(/console\.log\(/g) ?? []).length;
      expect(expected.length, "every console.log has a // → comment").toBe(calls);
      mkdirSync(scratch, { recursive: true });
      const file = new URL(`${name.replace(/\.md$/, "")}.ts`, scratch);
      writeFileSync(file, code);
      const log = vi.spyOn(console, "log").mockImplementation(() => {});
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      try {
        await import(/* @vite-ignore */ file.href);
        const seen = log.mock.calls.map(printed);
        expect(seen.length, `console.log calls in ${name}`).toBe(expected.length);
        seen.forEach((s, i) => {
          expect(
            matches(s, expected[i] ?? ""),
            `${name}, print ${i + 1}: got "${s}", the guide says "${expected[i]}"`,
          ).toBe(true);
        });
      } finally {
        log.mockRestore();
        warn.mockRestore();
      }
    });
  }
});
