/**
 * The lecture's claims 2–4 (docs/activations.md), measured:
 * 1. sigmoid and tanh saturate, so gradients vanish layer by layer in deep stacks;
 * 2. ReLU units die during training, and Leaky ReLU / PReLU avoid it;
 * 3. Swish matches ReLU in shallow networks and beats it in very deep ones;
 * 4. SELU with LeCun-normal initialisation keeps activations near zero mean and unit variance.
 * It reports what it measured, whether or not that confirms the lecture.
 *
 * Run: npx tsx --conditions=@fluxion/source examples/src/deep-activations.ts
 */
import { Generator, noGrad, randn, type Tensor } from "@fluxion/core";
import { init, Linear } from "@fluxion/nn";
import { standardize, trainTestSplit, twoMoons } from "./data/index.js";
import { deadUnitFractions, weightGradNorms } from "./study/measure.js";
import { activationLayer, linearLayers, mlp, type StudyActivation } from "./study/model.js";
import { accuracy, lossOf, trainModel } from "./study/train.js";
import { isMain } from "./util/is-main.js";

export interface DeepActivationsOptions {
  seed?: number;
  /** Depth of the stacks whose gradient norms are compared (claim 1). */
  vanishingDepth?: number;
  /** Epochs of the dead-ReLU runs (claim 2) and their learning rate. */
  deadEpochs?: number;
  deadLr?: number;
  /** Depths of the swish-against-relu comparison (claim 3) and its epochs per run. */
  depths?: number[];
  depthEpochs?: number;
  /** Layers of the forward-statistics check (claim 4). */
  seluLayers?: number;
}

export interface DeepActivationsResult {
  /** ‖∂loss/∂W‖ of each layer (first to output) at initialisation, per activation. */
  vanishing: { activation: StudyActivation; norms: number[] }[];
  /**
   * Mean fraction of dead hidden units after each epoch, the final held-out accuracy, and whether
   * training diverged (a non-finite loss; its units would count as dead for the wrong reason).
   */
  dead: { activation: StudyActivation; perEpoch: number[]; accuracy: number; diverged: boolean }[];
  /** Held-out accuracy per depth. */
  depth: { activation: StudyActivation; depth: number; accuracy: number }[];
  /** Mean and standard deviation of the activations after selected layers. */
  selfNormalising: { activation: StudyActivation; layer: number; mean: number; std: number }[];
}

function moons(seed: number) {
  const split = trainTestSplit(twoMoons(600, { noise: 0.2, seed }), 0.3, seed);
  return standardize(split.train, split.test);
}

/**
 * Runs all four measurements.
 *
 * @example
 * const r = runDeepActivations({ depths: [10, 20], depthEpochs: 5 });
 */
export function runDeepActivations(options: DeepActivationsOptions = {}): DeepActivationsResult {
  const seed = options.seed ?? 0;
  const { train, test } = moons(seed);
  const shape = (depth: number, width: number) => ({ inputs: 2, outputs: 1, depth, width });

  // 1. Gradient norms per layer at initialisation.
  const vanishing = (["sigmoid", "tanh", "relu"] as const).map((activation) => {
    const net = mlp(activation, shape(options.vanishingDepth ?? 10, 32), new Generator(seed));
    return {
      activation,
      norms: weightGradNorms(net, (m) => lossOf("binary", m.call(train.x) as Tensor, train.y)),
    };
  });

  // 2. Dead units during training with a large learning rate.
  const dead = (["relu", "leakyRelu", "prelu"] as const).map((activation) => {
    const generator = new Generator(seed);
    const net = mlp(activation, shape(4, 64), generator);
    const perEpoch: number[] = [];
    const { losses } = trainModel(net, train, test, {
      task: "binary",
      epochs: options.deadEpochs ?? 30,
      batchSize: 32,
      optimizer: "sgd",
      lr: options.deadLr ?? 0.05,
      generator,
      onEpoch: () => {
        const f = deadUnitFractions(net, train.x);
        perEpoch.push(f.reduce((s, v) => s + v, 0) / f.length);
      },
    });
    const diverged = !losses.every(Number.isFinite);
    return { activation, perEpoch, accuracy: accuracy("binary", net, test), diverged };
  });

  // 3. Swish against ReLU as depth grows. He (kaiming-normal) initialisation: with PyTorch's default
  // Linear initialisation the signal fades in deep stacks and neither trains past about 20 layers.
  const depth: DeepActivationsResult["depth"] = [];
  for (const d of options.depths ?? [10, 20, 30, 40, 50]) {
    for (const activation of ["relu", "swish"] as const) {
      const generator = new Generator(seed);
      const net = mlp(activation, shape(d, 32), generator);
      for (const layer of linearLayers(net)) {
        init.kaimingNormal(layer.weight, { nonlinearity: "relu", generator });
        if (layer.bias) init.zeros(layer.bias);
      }
      trainModel(net, train, test, {
        task: "binary",
        epochs: options.depthEpochs ?? 15,
        batchSize: 32,
        optimizer: "adam",
        lr: 1e-3,
        generator,
      });
      depth.push({ activation, depth: d, accuracy: accuracy("binary", net, test) });
    }
  }

  // 4. Forward statistics of standard-normal input through LeCun-normal layers without bias.
  const layers = options.seluLayers ?? 50;
  const checkpoints = [1, 10, 25, 50].filter((l) => l <= layers);
  const selfNormalising: DeepActivationsResult["selfNormalising"] = [];
  for (const activation of ["selu", "tanh", "relu"] as const) {
    const generator = new Generator(seed);
    let h = randn([2000, 100], { generator });
    const act = activationLayer(activation);
    noGrad(() => {
      for (let l = 1; l <= layers; l++) {
        const fc = new Linear(100, 100, { bias: false, generator });
        init.lecunNormal(fc.weight, { generator });
        h = act.call(fc.call(h)) as Tensor;
        if (checkpoints.includes(l)) {
          selfNormalising.push({
            activation,
            layer: l,
            mean: h.mean().item(),
            std: h.std(undefined, { correction: 0 }).item(),
          });
        }
      }
    });
  }
  return { vanishing, dead, depth, selfNormalising };
}

/** The report a person reads. */
export function formatReport(r: DeepActivationsResult): string {
  const lines: string[] = [];
  const e = (v: number) => v.toExponential(2);
  lines.push(
    "1. Gradient norm ‖∂loss/∂W‖ per layer at initialisation (layer 1 first, output layer last):",
  );
  for (const { activation, norms } of r.vanishing) {
    const ratio = (norms[0] as number) / (norms[norms.length - 1] as number);
    lines.push(`   ${activation.padEnd(8)} ${norms.map(e).join(" ")}   first/last = ${e(ratio)}`);
  }
  lines.push(
    "2. Mean fraction of dead hidden units (no gradient on the whole training set) during training:",
  );
  for (const { activation, perEpoch, accuracy, diverged } of r.dead) {
    if (diverged) {
      lines.push(
        `   ${activation.padEnd(9)} training diverged (non-finite loss): lower the learning rate`,
      );
      continue;
    }
    const picks = [0, Math.floor(perEpoch.length / 2), perEpoch.length - 1].map(
      (i) => `epoch ${i + 1}: ${(100 * (perEpoch[i] as number)).toFixed(1)}%`,
    );
    lines.push(
      `   ${activation.padEnd(9)} ${picks.join(", ")}; held-out accuracy ${(accuracy * 100).toFixed(1)}%`,
    );
  }
  lines.push(
    "3. Held-out accuracy on two moons as depth grows (He initialisation, Adam, same epochs):",
  );
  const depths = [...new Set(r.depth.map((d) => d.depth))];
  lines.push(`   depth     ${depths.map((d) => String(d).padStart(6)).join("")}`);
  for (const activation of ["relu", "swish"] as const) {
    const accs = depths.map(
      (d) =>
        r.depth.find((x) => x.depth === d && x.activation === activation)?.accuracy ?? Number.NaN,
    );
    lines.push(
      `   ${activation.padEnd(9)} ${accs.map((a) => `${(a * 100).toFixed(1)}%`.padStart(6)).join("")}`,
    );
  }
  lines.push("4. Activations of standard-normal input after LeCun-normal layers (mean ± std):");
  for (const activation of ["selu", "tanh", "relu"] as const) {
    const rows = r.selfNormalising.filter((s) => s.activation === activation);
    lines.push(
      `   ${activation.padEnd(6)} ${rows.map((s) => `layer ${s.layer}: ${s.mean.toFixed(3)} ± ${s.std.toFixed(3)}`).join(", ")}`,
    );
  }
  return lines.join("\n");
}

if (isMain(import.meta.url)) {
  console.log(formatReport(runDeepActivations()));
}
