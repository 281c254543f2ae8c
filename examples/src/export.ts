/**
 * From Fluxion to the engines that scale: train a classifier on Fisher's Iris flowers, export it to
 * ONNX (for ONNX Runtime: servers, Triton, mobile, browsers) and its weights to safetensors (for
 * PyTorch, under PyTorch's key names), then run the ONNX model in ONNX Runtime and check that it
 * predicts what Fluxion predicts, flower by flower.
 *
 * Run: npx tsx --conditions=@fluxion/source examples/src/export.ts
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Generator, noGrad, type Tensor } from "@fluxion/core";
import {
  Adam,
  crossEntropy,
  DataLoader,
  GELU,
  Linear,
  Sequential,
  TensorDataset,
} from "@fluxion/nn";
import { saveSafetensorsFile } from "@fluxion/nn/node";
import { exportOnnx } from "@fluxion/onnx";
import * as ort from "onnxruntime-node";
import { iris, standardize, trainTestSplit } from "./data/index.js";
import { isMain } from "./util/is-main.js";

export interface ExportResult {
  /** Held-out flowers, and how many Fluxion classifies correctly. */
  tested: number;
  fluxionAccuracy: number;
  /** Held-out flowers whose predicted species is the same in ONNX Runtime and in Fluxion. */
  agreeing: number;
  /** The largest |p_onnx − p_fluxion| over every class probability of every held-out flower. */
  maxProbabilityDifference: number;
  onnxPath: string;
  safetensorsPath: string;
}

/**
 * Trains, exports and compares; writes `iris.onnx` and `iris.safetensors` to `outDir`.
 *
 * @example
 * const r = await runExport({ epochs: 50, outDir: "out" });
 * r.agreeing === r.tested; // true
 */
export async function runExport(
  options: { epochs?: number; seed?: number; outDir?: string } = {},
): Promise<ExportResult> {
  const seed = options.seed ?? 0;
  const split = trainTestSplit(iris(), 0.2, seed);
  const { train, test } = standardize(split.train, split.test);
  const generator = new Generator(seed);
  const model = new Sequential(
    new Linear(4, 16, { generator }),
    new GELU(),
    new Linear(16, 3, { generator }),
  );
  const opt = new Adam(model.parameters(), { lr: 0.01 });
  const loader = new DataLoader(new TensorDataset(train.x, train.y), {
    batchSize: 16,
    shuffle: true,
    generator,
  });
  for (let epoch = 0; epoch < (options.epochs ?? 100); epoch++) {
    for (const [xb, yb] of loader) {
      opt.zeroGrad();
      crossEntropy(model.call(xb as Tensor), yb as Tensor).backward();
      opt.step();
    }
  }

  // What to serve: class probabilities. A plain function exports as well as a Module; its weights
  // keep their state_dict names ("0.weight", …) as ONNX initializers.
  const probabilities = (x: Tensor): Tensor => model.call(x).softmax();
  const onnxBytes = exportOnnx(probabilities, train.x.slice([[0, 2]]), {
    inputNames: ["measurements"],
    outputNames: ["probabilities"],
    parameters: model.namedParameters(),
    docString:
      "Iris species probabilities (setosa, versicolor, virginica) from 4 standardized measurements",
  });
  const dir = resolve(options.outDir ?? "out");
  mkdirSync(dir, { recursive: true });
  const onnxPath = join(dir, "iris.onnx");
  const safetensorsPath = join(dir, "iris.safetensors");
  writeFileSync(onnxPath, onnxBytes);
  await saveSafetensorsFile(safetensorsPath, model.stateDict(), { metadata: { format: "pt" } });

  // Serve the held-out flowers with ONNX Runtime, in one batch of a size the export never saw.
  const session = await ort.InferenceSession.create(onnxPath);
  const n = test.y.shape[0] ?? 0;
  const feeds = {
    measurements: new ort.Tensor("float32", Float32Array.from(test.x._data), [n, 4]),
  };
  const served = (await session.run(feeds)).probabilities?.data;
  if (!(served instanceof Float32Array)) throw new Error("ONNX Runtime returned no probabilities");
  const expected = noGrad(() => probabilities(test.x))._data;
  const labels = test.y._data;
  let agreeing = 0;
  let correct = 0;
  let maxProbabilityDifference = 0;
  const argmaxRow = (p: ArrayLike<number>, i: number) => {
    let best = 0;
    for (let c = 1; c < 3; c++)
      if ((p[i * 3 + c] as number) > (p[i * 3 + best] as number)) best = c;
    return best;
  };
  for (let i = 0; i < n; i++) {
    const mine = argmaxRow(expected, i);
    if (mine === argmaxRow(served, i)) agreeing++;
    if (mine === labels[i]) correct++;
    for (let c = 0; c < 3; c++) {
      const d = Math.abs((served[i * 3 + c] as number) - (expected[i * 3 + c] as number));
      maxProbabilityDifference = Math.max(maxProbabilityDifference, d);
    }
  }
  return {
    tested: n,
    fluxionAccuracy: correct / n,
    agreeing,
    maxProbabilityDifference,
    onnxPath,
    safetensorsPath,
  };
}

if (isMain(import.meta.url)) {
  const r = await runExport();
  console.log(
    `wrote ${r.onnxPath} (ONNX) and ${r.safetensorsPath} (safetensors, PyTorch key names)`,
  );
  console.log(
    `Fluxion: ${(r.fluxionAccuracy * 100).toFixed(1)}% of ${r.tested} held-out flowers right`,
  );
  console.log(
    `ONNX Runtime predicts the same species as Fluxion for ${r.agreeing} of ${r.tested} flowers; largest probability difference ${r.maxProbabilityDifference.toExponential(1)}`,
  );
}
