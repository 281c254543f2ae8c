import { fullLike, noGrad, type Tensor } from "@fluxion/core";
import {
  checkRange,
  definedOnly,
  Optimizer,
  type ParamGroup,
  type ParamState,
  type ParamsInput,
} from "./optimizer.js";

/** Adagrad's state of `p`, created when missing: step 0 and a sum filled with `initial`. */
function initState(state: ParamState, p: Tensor, initial: number): void {
  if (state.step !== undefined) return;
  state.step = 0;
  state.sum = noGrad(() => fullLike(p, initial));
}

/** Hyperparameters of `Adagrad` (PyTorch's names in camelCase). */
export interface AdagradOptions {
  /** Learning rate (default 1e-2). */
  lr: number;
  /** Learning-rate decay: step t uses lr / (1 + (t − 1)·lrDecay) (default 0). */
  lrDecay: number;
  /** L2 penalty λ added to the gradient (default 0). */
  weightDecay: number;
  /** Starting value of the sum of squared gradients (default 0). */
  initialAccumulatorValue: number;
  /** Added to the denominator for stability (default 1e-10). */
  eps: number;
  /** Maximise the objective instead of minimising it (default false). */
  maximize: boolean;
}

/**
 * Adagrad with PyTorch's exact update, for each parameter θ with gradient g at step t:
 *   g ← −g if maximize; g ← g + λθ; clr ← lr / (1 + (t − 1)·lrDecay);
 *   s ← s + g²; θ ← θ − clr·g / (√s + ε).
 * As in PyTorch, the state (sum = initialAccumulatorValue, step = 0) exists from construction.
 *
 * @example
 * const opt = new Adagrad(net.parameters(), { lr: 0.1, initialAccumulatorValue: 0.1 });
 */
export class Adagrad extends Optimizer<AdagradOptions> {
  constructor(params: ParamsInput<AdagradOptions>, options: Partial<AdagradOptions> = {}) {
    super("Adagrad", params, {
      lr: 1e-2,
      lrDecay: 0,
      weightDecay: 0,
      initialAccumulatorValue: 0,
      eps: 1e-10,
      maximize: false,
      ...definedOnly(options),
    });
  }

  override addParamGroup(group: { params: Iterable<Tensor> } & Partial<AdagradOptions>): void {
    super.addParamGroup(group);
    const added = this.paramGroups[this.paramGroups.length - 1];
    if (!added) return;
    // NOTE: not a #private method: this runs inside the base constructor, before those exist
    for (const p of added.params) initState(this.stateOf(p), p, added.initialAccumulatorValue);
  }

  protected validate(o: AdagradOptions): void {
    checkRange(this.name, "lr", o.lr, 0);
    checkRange(this.name, "lrDecay", o.lrDecay, 0);
    checkRange(this.name, "weightDecay", o.weightDecay, 0);
    checkRange(this.name, "initialAccumulatorValue", o.initialAccumulatorValue, 0);
    checkRange(this.name, "eps", o.eps, 0);
  }

  protected updateGroup(group: ParamGroup<AdagradOptions>): void {
    const { lr, lrDecay, weightDecay, eps, maximize } = group;
    noGrad(() => {
      for (const p of group.params) {
        if (p.grad === null) continue;
        const state = this.stateOf(p);
        initState(state, p, group.initialAccumulatorValue);
        const step = (state.step as number) + 1;
        state.step = step;
        let g: Tensor = maximize ? p.grad.neg() : p.grad;
        if (weightDecay !== 0) g = g.add(p.mul(weightDecay));
        const clr = lr / (1 + (step - 1) * lrDecay);
        const sum = (state.sum as Tensor).add(g.mul(g));
        state.sum = sum;
        p.sub_(g.div(sum.sqrt().add(eps)), clr);
      }
    });
  }
}
