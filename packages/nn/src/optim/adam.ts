import { maximum, noGrad, type Tensor, zerosLike } from "@fluxion/core";
import { lerp } from "./lerp.js";
import {
  checkAdamFamilyOptions,
  checkBoolean,
  definedOnly,
  Optimizer,
  type ParamGroup,
  type ParamsInput,
} from "./optimizer.js";

/** Hyperparameters of `Adam` and `AdamW` (PyTorch's names in camelCase). */
export interface AdamOptions {
  /** Learning rate (default 1e-3). */
  lr: number;
  /** Decay rates β₁, β₂ of the first and second moment estimates (default [0.9, 0.999]). */
  betas: readonly [number, number];
  /** Added to the denominator for stability (default 1e-8). */
  eps: number;
  /** Adam: L2 penalty added to the gradient (default 0). AdamW: decoupled decay (default 1e-2). */
  weightDecay: number;
  /** Use the maximum of past second moments (AMSGrad; default false). */
  amsgrad: boolean;
  /** Maximise the objective instead of minimising it (default false). */
  maximize: boolean;
}

/**
 * Adam with PyTorch's exact update, for each parameter θ with gradient g at step t:
 *   g ← −g if maximize; g ← g + λθ (Adam) or θ ← θ(1 − lr·λ) (AdamW);
 *   m ← lerp(m, g, 1 − β₁); v ← β₂v + (1 − β₂)g²; (AMSGrad: v̂ ← max(v̂, v), used for v)
 *   θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
 *
 * @example
 * const opt = new Adam(net.parameters(), { lr: 1e-3 });
 */
export class Adam extends Optimizer<AdamOptions> {
  readonly #decoupled: boolean;

  constructor(
    params: ParamsInput<AdamOptions>,
    options: Partial<AdamOptions> = {},
    /** @internal AdamW's decoupled weight decay. */
    decoupled = false,
    name = "Adam",
  ) {
    super(decoupled === true && name === "AdamW" ? "AdamW" : "Adam", params, {
      lr: 1e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weightDecay: decoupled ? 1e-2 : 0,
      amsgrad: false,
      maximize: false,
      ...definedOnly(options),
    });
    this.#decoupled = decoupled;
  }

  protected validate(o: AdamOptions): void {
    checkAdamFamilyOptions(this.name, o);
    checkBoolean(this.name, "amsgrad", o.amsgrad);
    checkBoolean(this.name, "maximize", o.maximize);
  }

  protected updateGroup(group: ParamGroup<AdamOptions>): void {
    const { lr, betas, eps, weightDecay, amsgrad, maximize } = group;
    const [beta1, beta2] = betas;
    noGrad(() => {
      for (const p of group.params) {
        if (p.grad === null) continue;
        let g: Tensor = maximize ? p.grad.neg() : p.grad;
        const state = this.stateOf(p);
        if (state.step === undefined) {
          state.step = 0;
          state.expAvg = zerosLike(p);
          state.expAvgSq = zerosLike(p);
          if (amsgrad) state.maxExpAvgSq = zerosLike(p);
        }
        const step = (state.step as number) + 1;
        state.step = step;
        if (weightDecay !== 0) {
          if (this.#decoupled) p.mul_(1 - lr * weightDecay);
          else g = g.add(p.mul(weightDecay));
        }
        const m = lerp(state.expAvg as Tensor, g, 1 - beta1);
        const v = (state.expAvgSq as Tensor).mul(beta2).add(g.mul(1 - beta2).mul(g));
        state.expAvg = m;
        state.expAvgSq = v;
        const biasCorrection1 = 1 - beta1 ** step;
        const biasCorrection2Sqrt = Math.sqrt(1 - beta2 ** step);
        const stepSize = lr / biasCorrection1;
        let second = v;
        if (amsgrad) {
          second = maximum((state.maxExpAvgSq as Tensor | undefined) ?? zerosLike(p), v);
          state.maxExpAvgSq = second;
        }
        const denom = second.sqrt().div(biasCorrection2Sqrt).add(eps);
        p.sub_(m.div(denom), stepSize);
      }
    });
  }
}

/**
 * AdamW: Adam with decoupled weight decay θ ← θ(1 − lr·λ) before the Adam step (default
 * λ = 1e-2), PyTorch's `AdamW`.
 *
 * @example
 * const opt = new AdamW(net.parameters(), { lr: 1e-3, weightDecay: 0.05 });
 */
export class AdamW extends Adam {
  constructor(params: ParamsInput<AdamOptions>, options: Partial<AdamOptions> = {}) {
    super(params, options, true, "AdamW");
  }
}
