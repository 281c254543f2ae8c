import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeActivationFigure, writeStudyFigures } from "./figures.js";
import { runStudy } from "./run.js";

describe("activation study (reduced)", () => {
  const activations = ["relu", "sigmoid", "binaryStep"] as const;
  const results = runStudy({
    datasets: ["iris", "moons"],
    activations,
    depth: 2,
    width: 8,
    seed: 0,
    target: 0.8,
    optimizer: "sgd",
    lr: 0.05,
    epochScale: 0.1,
  });
  const dir = mkdtempSync(join(tmpdir(), "fluxion-study-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("trains every (data set, activation) pair and measures each column of the table", () => {
    expect(results.map((r) => `${r.dataset}/${r.activation}`)).toEqual([
      "iris/relu",
      "iris/sigmoid",
      "iris/binaryStep",
      "moons/relu",
      "moons/sigmoid",
      "moons/binaryStep",
    ]);
    for (const r of results) {
      expect(r.losses.length).toBeGreaterThan(0);
      expect(r.losses.every(Number.isFinite)).toBe(true);
      expect(r.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(r.deadFractions).toHaveLength(2);
      expect(r.initialGradNorms).toHaveLength(3);
    }
  });

  it("binaryStep's hidden units pass no gradient: all dead, and no gradient reaches the first layer", () => {
    for (const r of results.filter((x) => x.activation === "binaryStep")) {
      expect(r.deadFractions).toEqual([1, 1]);
      expect(r.gradRatio).toBe(0);
    }
  });

  it("writes valid SVG plots with one series per activation", async () => {
    await writeActivationFigure(dir);
    const files = await writeStudyFigures(dir, results);
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual([
      "boundaries-moons.svg",
      "dead-units-iris.svg",
      "dead-units-moons.svg",
      "grad-norms-iris.svg",
      "grad-norms-moons.svg",
      "loss-iris.svg",
      "loss-moons.svg",
    ]);
    for (const f of [...files, join(dir, "activations.svg")]) {
      const svg = readFileSync(f, "utf8");
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    }
    for (const name of ["loss-moons.svg", "grad-norms-iris.svg"]) {
      const svg = readFileSync(join(dir, name), "utf8");
      expect(svg.match(/class="mark-line role-mark/g)).toHaveLength(activations.length);
      const legend = svg.match(/legend titled '[^']*' for [^"]*with \d+ values: ([^"]*)"/)?.[1];
      expect(legend?.split(", ").sort()).toEqual([...activations].sort());
    }
  });
});
