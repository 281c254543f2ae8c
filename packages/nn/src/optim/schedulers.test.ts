import { tensor } from "@fluxion/core";
import { describe, expect, it } from "vitest";
import { Parameter } from "../module/parameter.js";
import { expectClose } from "../test-utils/close.js";
import { CosineAnnealingLR } from "./cosine-annealing-lr.js";
import { SGD } from "./sgd.js";
import { StepLR } from "./step-lr.js";

const optimizer = (lr: number) => new SGD([new Parameter(tensor([1]))], { lr });

describe("learning-rate schedulers", () => {
  it("StepLR halves every two epochs", () => {
    const opt = optimizer(0.1);
    const sched = new StepLR(opt, { stepSize: 2, gamma: 0.5 });
    const lrs = [opt.paramGroups[0]?.lr];
    for (let e = 1; e < 6; e++) {
      sched.step();
      lrs.push(opt.paramGroups[0]?.lr);
    }
    expectClose(lrs as number[], [0.1, 0.1, 0.05, 0.05, 0.025, 0.025], { atol: 1e-17 });
    expect(sched.getLastLr()).toEqual([opt.paramGroups[0]?.lr]);
  });

  it("CosineAnnealingLR follows half a cosine from the base rate to etaMin", () => {
    const opt = optimizer(1);
    const sched = new CosineAnnealingLR(opt, { tMax: 4, etaMin: 0.2 });
    const lrs = [opt.paramGroups[0]?.lr as number];
    for (let e = 1; e <= 4; e++) {
      sched.step();
      lrs.push(opt.paramGroups[0]?.lr as number);
    }
    const h = Math.SQRT1_2; // cos(π/4)
    expectClose(lrs, [1, 0.2 + (0.8 * (1 + h)) / 2, 0.6, 0.2 + (0.8 * (1 - h)) / 2, 0.2], {
      atol: 1e-15,
    });
  });

  it("resumes from a saved state", () => {
    const opt = optimizer(0.1);
    const sched = new StepLR(opt, { stepSize: 1, gamma: 0.5 });
    sched.step();
    sched.step();
    const opt2 = optimizer(0.1);
    const sched2 = new StepLR(opt2, { stepSize: 1, gamma: 0.5 });
    // as in PyTorch, the learning rate itself is restored with the optimiser
    opt2.loadStateDict(opt.stateDict());
    sched2.loadStateDict(sched.stateDict());
    sched.step();
    sched2.step();
    expect(opt2.paramGroups[0]?.lr).toBe(opt.paramGroups[0]?.lr);
    expect(() => new StepLR(opt, { stepSize: 0 })).toThrow(
      /StepLR: stepSize must be a positive integer/,
    );
  });
});
