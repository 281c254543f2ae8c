import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { studyActivations } from "./model.js";
import { runStudy } from "./run.js";
import { markdownTable, readmeTable, resultHeader, resultRow, withReadmeTable } from "./table.js";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
const results = readFileSync(new URL("../../../docs/figures/results.md", import.meta.url), "utf8");

/** The trimmed cells of a Markdown table row. */
const cells = (line: string) =>
  line
    .split("|")
    .slice(1, -1)
    .map((c) => c.trim());

describe("the README's demo table", () => {
  it("is the results.md the demo wrote (pnpm figures writes both)", () => {
    expect(readmeTable(readme)).toBe(results.trim());
  });

  it("has the demo's columns and one row per default (data set, activation)", () => {
    const lines = results.trim().split("\n");
    const target = Number(/epochs to (\d+)%/.exec(lines[0] ?? "")?.[1]) / 100;
    expect(cells(lines[0] ?? "")).toEqual(resultHeader(target));
    const pairs = lines.slice(2).map((l) => cells(l).slice(0, 2).join("/"));
    // The demo's defaults: iris and moons, every activation of the study.
    expect(pairs).toEqual(
      ["iris", "moons"].flatMap((d) => studyActivations.map((a) => `${d}/${a}`)),
    );
  });

  it("is made from the same rows the console table prints", () => {
    const run = runStudy({
      datasets: ["moons"],
      activations: ["relu"],
      depth: 1,
      width: 4,
      seed: 0,
      target: 0.8,
      optimizer: "sgd",
      lr: 0.05,
      epochScale: 0.05,
    });
    const table = markdownTable(run, 0.8);
    expect(cells(table.split("\n")[2] ?? "")).toEqual(resultRow(run[0] as (typeof run)[number]));
    const updated = withReadmeTable(readme, table);
    expect(readmeTable(updated)).toBe(table);
    expect(() => withReadmeTable("no markers", table)).toThrow("withReadmeTable");
  });
});
