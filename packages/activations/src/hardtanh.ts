import { ArgumentError, where } from "@fluxion/core";
import { defineActivation } from "./define-activation.js";
import { numberOption } from "./options.js";

/**
 * Hardtanh: x clipped to [minVal, maxVal] (PyTorch's defaults −1 and 1), elementwise. Its
 * derivative is 1 strictly inside and 0 outside; at exactly minVal or maxVal it is 0, as in
 * PyTorch's hardtanh_backward (unlike `clamp`, whose gradient is 1 at its bounds). NaN gives a NaN
 * value and gradient.
 *
 * @example
 * hardtanh(tensor([-3, 0.5, 2])); // [-1, 0.5, 1]
 * hardtanh(x, { minVal: 0, maxVal: 6 }); // ReLU6
 */
export const hardtanh = defineActivation({
  name: "hardtanh",
  options: {
    minVal: numberOption(-1, "lower end of the linear region"),
    maxVal: numberOption(1, "upper end of the linear region"),
  },
  check: ({ minVal, maxVal }, fn) => {
    if (!(minVal < maxVal))
      throw new ArgumentError(
        `${fn}: minVal must be less than maxVal, got minVal=${minVal}, maxVal=${maxVal}`,
      );
  },
  forward: (x, { minVal, maxVal }) => x.clamp(minVal, maxVal),
  // f'(x) = 1 if minVal < x < maxVal else 0 (0 at both ends, as PyTorch); NaN stays NaN
  derivative: (x, { minVal, maxVal }) =>
    where(x.ne(x), x, x.gt(minVal).mul(x.lt(maxVal)).to(x.dtype)),
  about: {
    formula: "min(max(x, minVal), maxVal)",
    derivative: "1 if minVal < x < maxVal else 0",
    range: "[minVal, maxVal] = [−1, 1]",
    monotonic: "non-strict",
    zeroCentred: "for minVal = −maxVal",
    smooth: false,
    boundedBelow: true,
    boundedAbove: true,
    kink: {
      at: [-1, 1],
      derivative: [0, 0],
      note: "f'(minVal) = f'(maxVal) = 0 (PyTorch's convention)",
    },
    remark: "",
  },
  layer: "Hardtanh",
  test: {
    cases: [
      { label: "default", avoid: [-1, 1] },
      {
        label: "minVal 0, maxVal 6 (ReLU6)",
        options: { minVal: 0, maxVal: 6 },
        min: -2,
        max: 8,
        avoid: [0, 6],
      },
    ],
  },
});
