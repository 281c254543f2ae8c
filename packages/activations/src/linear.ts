import { fullLike } from "@fluxion/core";
import { type ActivationOptions, defineActivation } from "./define-activation.js";
import { numberOption } from "./options.js";

/**
 * The linear activation a·x, elementwise. A network of linear activations collapses to one
 * linear map (the lecture: "that will be simple linear regression"). It has no Tensor method and
 * no layer (nn's `Identity` is the slope-1 case; `x.mul(a)` the rest).
 *
 * @example
 * linear(tensor([1, -2]), { slope: 0.5 }); // [0.5, -1]
 */
export const linear = defineActivation({
  name: "linear",
  options: { slope: numberOption(1, "the slope a") },
  forward: (x, o) => x.mul(o.slope),
  // d/dx (a·x) = a
  derivative: (x, o) => fullLike(x, o.slope),
  about: {
    formula: "a·x",
    derivative: "a",
    range: "ℝ",
    monotonic: "yes",
    zeroCentred: "yes",
    smooth: true,
    boundedBelow: false,
    boundedAbove: false,
    kink: null,
    remark: "That will be simple linear regression! There are some use cases.",
  },
  layer: null,
  method: false,
  test: {
    cases: [{ label: "slope 1" }, { label: "slope -0.7", options: { slope: -0.7 } }],
  },
});

/** Options of {@link linear}. */
export type LinearOptions = ActivationOptions<typeof linear>;
