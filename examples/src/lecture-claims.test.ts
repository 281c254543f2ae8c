import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { quickConfig } from "./lecture-claims/config.js";
import { FRACTION, summarize } from "./lecture-claims/stats.js";
import { planTasks, runTask } from "./lecture-claims/tasks.js";
import { rewriteClaimsReport, runLectureClaims } from "./lecture-claims.js";

describe("lecture claims, --quick", () => {
  const dir = mkdtempSync(join(tmpdir(), "fluxion-claims-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = runLectureClaims({
    config: quickConfig,
    outDir: dir,
    command: "pnpm claims --quick",
  });

  it("runs every experiment for every seed and gives each claim a verdict", async () => {
    const { results, analysis } = await run;
    expect(results).toHaveLength(planTasks(quickConfig).length);
    expect(new Set(results.map((r) => r.task.seed))).toEqual(new Set([0, 1]));
    expect(analysis.claims.map((c) => c.id)).toEqual([
      "vanishing",
      "dying",
      "depth",
      "selu",
      "softmax",
    ]);
    for (const c of analysis.claims) {
      expect(["holds", "partly holds", "does not hold", "not settled"]).toContain(c.verdict);
      expect(c.table.rows.length).toBeGreaterThan(0);
      for (const row of c.table.rows) expect(row).toHaveLength(c.table.head.length);
    }
    // argmax never passes a gradient, whatever the data: that part of the claim is exact.
    const softmax = results.filter((r) => r.kind === "softmax");
    for (const r of softmax)
      if (r.kind === "softmax") expect(r.result.argmaxError).toMatch(/argmax/);
  }, 180_000); // the quick run: a few seconds idle, far more when the cores are shared

  it("writes the report, the raw results and five SVG figures", async () => {
    const { files } = await run;
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      "claims.md",
      "depth.svg",
      "dying.svg",
      "results.json",
      "selu.svg",
      "softmax.svg",
      "vanishing.svg",
    ]);
    for (const f of files.filter((f) => f.endsWith(".svg"))) {
      const svg = readFileSync(f, "utf8");
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).toMatch(/class="mark-line role-mark/);
    }
    const md = readFileSync(join(dir, "claims.md"), "utf8");
    expect(md).toContain("pnpm claims --quick");
    expect(md).toContain("| claim | verdict | what was measured |");
    const json = JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as {
      results: unknown[];
    };
    expect(json.results).toHaveLength(planTasks(quickConfig).length);
  });

  it("--report-only rewrites the same report from results.json, without training", async () => {
    await run;
    const before = readFileSync(join(dir, "claims.md"), "utf8");
    const json = readFileSync(join(dir, "results.json"), "utf8");
    rmSync(join(dir, "claims.md"));
    const { files } = await rewriteClaimsReport(dir, false);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(["claims.md", "results.json"]);
    expect(readFileSync(join(dir, "claims.md"), "utf8")).toBe(before);
    expect(readFileSync(join(dir, "results.json"), "utf8")).toBe(json);
  }, 60_000);

  it("is reproducible by seed: the same task gives the same numbers, another seed others", async () => {
    const { results } = await run;
    for (const kind of ["vanishing", "dying", "depth", "selu", "softmax"]) {
      const first = results.find((r) => r.kind === kind && r.task.seed === 1);
      if (!first) throw new Error(`no ${kind} task`);
      expect(runTask(first.task, quickConfig)).toEqual(first);
      const other = runTask({ ...first.task, seed: 7 }, quickConfig);
      expect(other.result).not.toEqual(first.result);
    }
  }, 120_000);
});

describe("summarize", () => {
  it("gives mean, sample standard deviation and the Student-t 95% interval", () => {
    const s = summarize([1, 2, 3, 4, 5]);
    expect(s.n).toBe(5);
    expect(s.mean).toBe(3);
    expect(s.std).toBeCloseTo(Math.sqrt(2.5), 12);
    // t(0.975, 4) = 2.776
    expect(s.hi - s.mean).toBeCloseTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 10);
    expect(s.mean - s.lo).toBeCloseTo(s.hi - s.mean, 12);
  });

  it("leaves out non-finite values (diverged runs) and says so through n", () => {
    expect(summarize([1, Number.NaN, 3]).n).toBe(2);
    expect(summarize([]).n).toBe(0);
    expect(summarize([2]).hi).toBe(Number.POSITIVE_INFINITY);
  });

  it("bounds a fraction's interval to [0, 1] when told the range", () => {
    const unbounded = summarize([0.9, 1, 1, 1]);
    expect(unbounded.hi).toBeGreaterThan(1);
    const bounded = summarize([0.9, 1, 1, 1], FRACTION);
    expect(bounded.hi).toBe(1);
    expect(bounded.lo).toBe(unbounded.lo);
    expect(bounded.mean).toBe(unbounded.mean);
    expect(summarize([0.5], FRACTION)).toMatchObject({ lo: 0, hi: 1 });
  });
});
