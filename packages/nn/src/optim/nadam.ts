import { noGrad, type Tensor, zerosLike } from "@fluxion/core";
import { lerp } from "./lerp.js";
import {
  checkAdamFamilyOptions,
  checkRange,
  definedOnly,
  Optimizer,
  type ParamGroup,
  type ParamsInput,
} from "./optimizer.js";

/** Hyperparameters of `NAdam` (PyTorch's names in camelCase). */
export interface NAdamOptions {
  /** Learning rate (default 2e-3). */
  lr: number;
  /** Decay rates β₁, β₂ of the first and second moment estimates (default [0.9, 0.999]). */
  betas: readonly [number, number];
  /** Added to the denominator for stability (default 1e-8). */
  eps: number;
  /** L2 penalty, or decoupled decay with `decoupledWeightDecay` (default 0). */
  weightDecay: number;
  /** ψ of the momentum schedule μₜ = β₁(1 − ½·0.96^(tψ)) (default 4e-3). */
  momentumDecay: number;
  /** Decay weights as AdamW does, θ ← θ(1 − lr·λ), instead of adding λθ to g (default false). */
  decoupledWeightDecay: boolean;
  /** Maximise the objective instead of minimising it (default false). */
  maximize: boolean;
}

/**
 * NAdam (Adam with Nesterov momentum) with PyTorch's exact update, for each parameter θ with
 * gradient g at step t:
 *   g ← −g if maximize; g ← g + λθ (or θ ← θ(1 − lr·λ) when decoupled);
 *   μₜ = β₁(1 − ½·0.96^(tψ)), μₜ₊₁ likewise, Πₜ = Π₍ₜ₋₁₎·μₜ;
 *   m ← lerp(m, g, 1 − β₁); v ← β₂v + (1 − β₂)g²; d ← √(v / (1 − β₂ᵗ)) + ε;
 *   θ ← θ − lr(1 − μₜ)/(1 − Πₜ)·g/d − lr·μₜ₊₁/(1 − Πₜμₜ₊₁)·m/d.
 * NOTE: the running product Πₜ (state `muProduct`) is kept in float64; PyTorch keeps it in its
 * default dtype, so it matches PyTorch run with `torch.set_default_dtype(torch.float64)`.
 *
 * @example
 * const opt = new NAdam(net.parameters(), { lr: 2e-3 });
 */
export class NAdam extends Optimizer<NAdamOptions> {
  constructor(params: ParamsInput<NAdamOptions>, options: Partial<NAdamOptions> = {}) {
    super("NAdam", params, {
      lr: 2e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weightDecay: 0,
      momentumDecay: 4e-3,
      decoupledWeightDecay: false,
      maximize: false,
      ...definedOnly(options),
    });
  }

  protected validate(o: NAdamOptions): void {
    checkAdamFamilyOptions(this.name, o);
    checkRange(this.name, "momentumDecay", o.momentumDecay, 0);
  }

  protected updateGroup(group: ParamGroup<NAdamOptions>): void {
    const { lr, betas, eps, weightDecay, momentumDecay, decoupledWeightDecay, maximize } = group;
    const [beta1, beta2] = betas;
    noGrad(() => {
      for (const p of group.params) {
        if (p.grad === null) continue;
        let g: Tensor = maximize ? p.grad.neg() : p.grad;
        const state = this.stateOf(p);
        if (state.step === undefined) {
          state.step = 0;
          state.muProduct = 1;
          state.expAvg = zerosLike(p);
          state.expAvgSq = zerosLike(p);
        }
        const step = (state.step as number) + 1;
        state.step = step;
        const biasCorrection2 = 1 - beta2 ** step;
        if (weightDecay !== 0) {
          if (decoupledWeightDecay) p.mul_(1 - lr * weightDecay);
          else g = g.add(p.mul(weightDecay));
        }
        const mu = beta1 * (1 - 0.5 * 0.96 ** (step * momentumDecay));
        const muNext = beta1 * (1 - 0.5 * 0.96 ** ((step + 1) * momentumDecay));
        const muProduct = (state.muProduct as number) * mu;
        state.muProduct = muProduct;
        const m = lerp(state.expAvg as Tensor, g, 1 - beta1);
        const v = (state.expAvgSq as Tensor).mul(beta2).add(g.mul(g).mul(1 - beta2));
        state.expAvg = m;
        state.expAvgSq = v;
        const denom = v.div(biasCorrection2).sqrt().add(eps);
        p.sub_(g.div(denom), (lr * (1 - mu)) / (1 - muProduct));
        p.sub_(m.div(denom), (lr * muNext) / (1 - muProduct * muNext));
      }
    });
  }
}
