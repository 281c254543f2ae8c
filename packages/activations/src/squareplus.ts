import { div, maximum, type Tensor, where, zerosLike } from "@fluxion/core";
import { defineActivation } from "./define-activation.js";
import { numberOption } from "./options.js";

/** √(x² + b), without overflow where x² would (|x| > 1e154 in float64). */
function root(x: Tensor, b: number): Tensor {
  const a = x.abs();
  // NOTE: |x|·√(1 + b/x²) for |x| > 1; the clamped |x| keeps the unused branch finite, so its
  // zero gradient stays zero instead of 0 · ∞.
  const big = maximum(a, 1);
  return where(a.gt(1), big.mul(div(b, big.mul(big)).add(1).sqrt()), x.mul(x).add(b).sqrt());
}

/**
 * Squareplus (x + √(x² + b)) / 2, elementwise (jax.nn.squareplus; b = 4 by default): a smooth
 * ReLU built from a square root instead of exp and log, positive everywhere, f(0) = √b / 2. For
 * x < 0 it is computed as b / (2(√(x² + b) − x)), since the sum cancels there.
 *
 * @example
 * squareplus(tensor([-2, 0, 2])); // [0.4142, 1, 2.4142]
 */
export const squareplus = defineActivation({
  name: "squareplus",
  options: {
    b: numberOption(4, "b > 0, the smoothness (b → 0 approaches relu)", { positive: true }),
  },
  forward: (x, { b }) => {
    const s = root(x, b);
    return where(x.ge(0), x.add(s).mul(0.5), div(b, s.sub(x).mul(2)));
  },
  // f'(x) = (1 + x/√(x² + b)) / 2, for x < 0 as b / (2√(x² + b)(√(x² + b) − x))
  derivative: (x, { b }) => {
    // NOTE: each branch sees only its own half of x (0 elsewhere; NaN goes to the x < 0 side), so
    // the branch `where` discards stays finite and its zero gradient stays zero, not 0 · ∞.
    const up = x.ge(0);
    const zero = zerosLike(x);
    const xp = where(up, x, zero);
    const xn = where(up, zero, x);
    const sp = root(xp, b);
    const sn = root(xn, b);
    return where(up, xp.div(sp).add(1).mul(0.5), div(b, sn.mul(sn.sub(xn)).mul(2)));
  },
  about: {
    formula: "(x + √(x² + b)) / 2",
    derivative: "(1 + x / √(x² + b)) / 2",
    range: "(0, ∞)",
    monotonic: "yes",
    zeroCentred: "no",
    smooth: true,
    boundedBelow: true,
    boundedAbove: false,
    kink: null,
    remark: "",
  },
  layer: "Squareplus",
  test: {
    cases: [{ label: "b 4" }, { label: "b 0.5", options: { b: 0.5 } }],
  },
});
