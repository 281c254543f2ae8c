import { alongAxis } from "../testing/along-axis.js";
import type { OpTestSpec } from "../testing/spec.js";

// NOTE: values kept 0.05 from 0. Where x has no zero the rule divides by x (as PyTorch's), and the
// derivative of y / x cancels catastrophically for tiny |x| (about ε·|g y| / x²); exact zeros take
// the division-free rule, checked with gradgradcheck in cumsum.test.ts.
export const specs: readonly OpTestSpec[] = [
  alongAxis(
    "cumprod",
    (x, axis) => x.cumprod(axis),
    (shape) => shape,
    {
      min: -2,
      max: 2,
      distinct: 0,
      avoid: [0],
    },
  ),
];
