import { join } from "node:path";
import { activations } from "@fluxion/activations";
import { linspace, noGrad } from "@fluxion/core";
import {
  type ActivationPoint,
  activationGallery,
  deadUnitsChart,
  decisionBoundary,
  gradNormChart,
  lossCurves,
  writeChart,
} from "../plots/index.js";
import type { ChartSpec } from "../plots/render.js";
import type { RunResult, StudyDataset } from "./run.js";

/**
 * Every elementwise activation of the registry and its derivative on [−4, 4], from the registry's
 * `apply` and autodiff (nothing is hard-coded per activation).
 */
export function activationPoints(): ActivationPoint[] {
  const points: ActivationPoint[] = [];
  const xs = linspace(-4, 4, 161, { dtype: "float64" });
  for (const info of activations) {
    if (!info.differentiable || info.kind !== "elementwise") continue;
    const x = xs.detach().requiresGrad_();
    const y = info.apply(x);
    y.sum().backward();
    const xv = xs.data();
    const yv = noGrad(() => y.data());
    const dv = x.grad?.data() ?? new Float64Array(xv.length);
    xv.forEach((v, i) => {
      points.push({ activation: info.name, x: v, value: yv[i] as number, series: "f(x)" });
      points.push({ activation: info.name, x: v, value: dv[i] as number, series: "f′(x)" });
    });
  }
  return points;
}

/** The activation gallery figure (independent of any training run). */
export function writeActivationFigure(dir: string): Promise<string> {
  return writeChart(join(dir, "activations.svg"), activationGallery(activationPoints()));
}

/** Loss curves, dead units, gradient norms and (for 2-D data) decision boundaries per data set. */
export async function writeStudyFigures(
  dir: string,
  results: readonly RunResult[],
): Promise<string[]> {
  const written: string[] = [];
  const datasets = [...new Set(results.map((r) => r.dataset))] as StudyDataset[];
  for (const d of datasets) {
    const runs = results.filter((r) => r.dataset === d);
    written.push(
      await writeChart(
        join(dir, `loss-${d}.svg`),
        lossCurves(
          runs.flatMap((r) =>
            r.losses.map((loss, epoch) => ({
              activation: r.activation,
              epoch: epoch + 1,
              loss: Math.max(loss, 1e-6),
            })),
          ),
          `Training loss per activation (${d})`,
        ),
      ),
      await writeChart(
        join(dir, `dead-units-${d}.svg`),
        deadUnitsChart(
          runs.flatMap((r) =>
            r.deadFractions.map((value, i) => ({ activation: r.activation, layer: i + 1, value })),
          ),
          `Fraction of hidden units that pass no gradient after training (${d})`,
        ),
      ),
      await writeChart(
        join(dir, `grad-norms-${d}.svg`),
        gradNormChart(
          // a norm of exactly 0 (binaryStep's hidden layers) has no place on a log scale: left out
          runs.flatMap((r) =>
            r.initialGradNorms.flatMap((value, i) =>
              value > 0 ? [{ activation: r.activation, layer: i + 1, value }] : [],
            ),
          ),
          `‖∂loss/∂W‖ per layer at initialisation (${d}; zero norms not drawn)`,
        ),
      ),
    );
    const withGrid = runs.filter((r) => r.grid);
    if (withGrid.length > 0) {
      const spec = {
        title: `Decision boundaries (${d}; P(class 1) from blue to orange; points: ${Math.min(MAX_BOUNDARY_POINTS, withGrid[0]?.grid?.data.length ?? 0)} held-out samples)`,
        columns: 4,
        concat: withGrid.map((r) => {
          const grid = r.grid as NonNullable<RunResult["grid"]>;
          const { $schema: _s, ...chart } = decisionBoundary(
            grid.points,
            spread(grid.data, MAX_BOUNDARY_POINTS),
            r.activation,
            grid.step,
          ) as ChartSpec & { $schema?: string };
          return { ...chart, width: 180, height: 150 };
        }),
      } as unknown as ChartSpec;
      written.push(await writeChart(join(dir, `boundaries-${d}.svg`), spec));
    }
  }
  return written;
}

/** Held-out points drawn per decision-boundary panel (the figure stays under 300 KB). */
const MAX_BOUNDARY_POINTS = 80;

/** At most `n` items of `items`, evenly spaced through it (all of them when there are fewer). */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T);
}
