import { type Tensor, tensor } from "@fluxion/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  activations,
  elu,
  gelu,
  leakyRelu,
  lisht,
  logSoftmax,
  mish,
  prelu,
  relu,
  selu,
  sigmoid,
  silu,
  softmax,
  softplus,
  swish,
  tanh,
} from "./index.js";

const seed = Number(process.env.FC_SEED ?? 42);
const numRuns = 200;
const run = <T extends [unknown, ...unknown[]]>(p: fc.IProperty<T>) =>
  fc.assert(p, { seed, numRuns });

/** Finite doubles in [−lim, lim] (no NaN), as float64 vectors. */
const vec = (lim = 60, min = 1, max = 16) =>
  fc.array(fc.double({ min: -lim, max: lim, noNaN: true }), { minLength: min, maxLength: max });
const f64 = (xs: number[]) => tensor(xs, { dtype: "float64" });
const vals = (t: Tensor) => Array.from(t.data());

describe("sigmoid", () => {
  it("lies in [0, 1] ((0, 1) where not saturated) and σ(−x) = 1 − σ(x)", () => {
    run(
      fc.property(vec(), (xs) => {
        const s = vals(sigmoid(f64(xs)));
        const n = vals(sigmoid(f64(xs.map((x) => -x))));
        xs.forEach((x, i) => {
          const si = s[i] as number;
          expect(si >= 0 && si <= 1).toBe(true);
          if (Math.abs(x) < 36) expect(si > 0 && si < 1).toBe(true);
          expect(Math.abs((n[i] as number) - (1 - si))).toBeLessThanOrEqual(2.3e-16);
        });
      }),
    );
  });
});

describe("tanh", () => {
  it("is odd and equals 2σ(2x) − 1", () => {
    run(
      fc.property(vec(), (xs) => {
        const t = vals(tanh(f64(xs)));
        const n = vals(tanh(f64(xs.map((x) => -x))));
        const s = vals(sigmoid(f64(xs.map((x) => 2 * x))));
        xs.forEach((_, i) => {
          expect(n[i]).toBe(-(t[i] as number));
          expect(Math.abs(2 * (s[i] as number) - 1 - (t[i] as number))).toBeLessThanOrEqual(
            4.5e-16,
          );
        });
      }),
    );
  });
});

describe("softmax", () => {
  const matrix = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }))
    .chain(([r, c]) =>
      fc.tuple(
        fc.constant([r, c]),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), {
          minLength: r * c,
          maxLength: r * c,
        }),
      ),
    );
  it("sums to 1 along the axis, with every value in [0, 1]", () => {
    run(
      fc.property(matrix, fc.integer({ min: 0, max: 1 }), ([shape, xs], axis) => {
        const y = softmax(tensor(xs, { dtype: "float64", shape }), { axis });
        expect(vals(y).every((v) => v >= 0 && v <= 1)).toBe(true);
        for (const s of vals(y.sum(axis))) expect(Math.abs(s - 1)).toBeLessThan(1e-14);
      }),
    );
  });
  it("is invariant to adding a constant", () => {
    run(
      fc.property(vec(50, 1, 8), fc.double({ min: -100, max: 100, noNaN: true }), (xs, c) => {
        const a = vals(softmax(f64(xs)));
        const b = vals(softmax(f64(xs.map((x) => x + c))));
        a.forEach((v, i) => {
          expect(Math.abs(v - (b[i] as number))).toBeLessThan(1e-12);
        });
      }),
    );
  });
  it("for two classes is the sigmoid of the difference (the lecture's derivation)", () => {
    run(
      fc.property(
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.double({ min: -30, max: 30, noNaN: true }),
        (a, b) => {
          const p = vals(softmax(f64([a, b])))[0] as number;
          const s = vals(sigmoid(f64([a - b])))[0] as number;
          expect(Math.abs(p - s)).toBeLessThanOrEqual(1e-15 * s + 1e-300);
        },
      ),
    );
  });
  it("approaches a one-hot argmax as the temperature goes to 0", () => {
    const y = vals(softmax(f64([0.3, 1.2, -0.5]), { temperature: 1e-3 }));
    expect(y).toEqual([0, 1, 0]);
  });
  it("logSoftmax = log(softmax) where softmax is not tiny", () => {
    run(
      fc.property(vec(20, 1, 8), (xs) => {
        const l = vals(logSoftmax(f64(xs)));
        const s = vals(softmax(f64(xs)));
        l.forEach((v, i) => {
          expect(Math.abs(v - Math.log(s[i] as number))).toBeLessThan(1e-13 * (1 + Math.abs(v)));
        });
      }),
    );
  });
});

describe("non-negativity", () => {
  it.each([
    ["relu", relu],
    ["softplus", softplus],
    ["lisht", lisht],
  ] as const)("%s(x) ≥ 0", (_name, f) => {
    run(
      fc.property(vec(1e4), (xs) => {
        expect(vals(f(f64(xs))).every((v) => v >= 0)).toBe(true);
      }),
    );
  });
  it("relu' is 0 on the negative half", () => {
    run(
      fc.property(vec(1e4), (xs) => {
        const x = tensor(
          xs.map((v) => -Math.abs(v)),
          { dtype: "float64", requiresGrad: true },
        );
        relu(x).sum().backward();
        expect(vals(x.grad as Tensor).every((g) => g === 0)).toBe(true);
      }),
    );
  });
});

/** Pairs a < b of finite doubles in [−lim, lim]. */
const pair = (lim: number) =>
  fc
    .tuple(
      fc.double({ min: -lim, max: lim, noNaN: true }),
      fc.double({ min: -lim, max: lim, noNaN: true }),
    )
    .filter(([a, b]) => a !== b)
    .map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]));

describe("monotonicity where docs/activations.md claims it", () => {
  const monotone: [string, (x: Tensor) => Tensor][] = [
    ["sigmoid", (x) => sigmoid(x)],
    ["tanh", (x) => tanh(x)],
    ["relu", (x) => relu(x)],
    ["leakyRelu", (x) => leakyRelu(x)],
    ["prelu (a = 0.25)", (x) => prelu(x, tensor([0.25], { dtype: "float64" }))],
    ["elu", (x) => elu(x)],
    ["selu", (x) => selu(x)],
    ["softplus", (x) => softplus(x)],
  ];
  it.each(monotone)("%s: a < b ⇒ f(a) ≤ f(b)", (_name, f) => {
    run(
      fc.property(pair(1e4), ([a, b]) => {
        const [fa, fb] = vals(f(f64([a, b]))) as [number, number];
        expect(fa).toBeLessThanOrEqual(fb);
      }),
    );
  });
  it("the registry marks these elementwise activations monotonic", () => {
    const yes = activations.filter((a) => a.monotonic === "yes").map((a) => a.name);
    expect(yes).toEqual(
      expect.arrayContaining(["elu", "leakyRelu", "linear", "selu", "sigmoid", "softplus", "tanh"]),
    );
    for (const n of ["swish", "silu", "mish", "gelu", "lisht"])
      expect(activations.find((a) => a.name === n)?.monotonic).toBe("no");
    // non-decreasing with a flat part
    for (const n of ["relu", "binaryStep"])
      expect(activations.find((a) => a.name === n)?.monotonic).toBe("non-strict");
  });
});

describe("non-monotonic and bounded below: swish and mish", () => {
  it.each([
    ["swish", (x: Tensor) => swish(x), -0.2785, -1.2785],
    ["silu", (x: Tensor) => silu(x), -0.2785, -1.2785],
    ["mish", (x: Tensor) => mish(x), -0.3089, -1.1924],
  ] as const)("%s dips below 0 and comes back: f(−20) > f(xmin) < f(0)", (_n, f, lower, xmin) => {
    const [a, m, c] = vals(f(f64([-20, xmin, 0]))) as [number, number, number];
    expect(m).toBeLessThan(a);
    expect(m).toBeLessThan(c);
    // bounded below: never less than the minimum (rounded outwards)
    run(
      fc.property(vec(1e4), (xs) => {
        expect(vals(f(f64(xs))).every((v) => v >= lower - 1e-4)).toBe(true);
      }),
    );
  });
});

describe("GELU's approximations stay close to the exact form", () => {
  // Measured on a dense grid: max |tanh form − exact| ≈ 4.7e-4, |sigmoid form − exact| ≈ 2.0e-2 (both near x ≈ −2.5).
  it.each([
    ["tanh", 5e-4],
    ["sigmoid", 2.5e-2],
  ] as const)("approximate '%s' is within %f of x Φ(x) everywhere", (approximate, bound) => {
    run(
      fc.property(vec(1e4), (xs) => {
        const exact = vals(gelu(f64(xs)));
        const approx = vals(gelu(f64(xs), { approximate }));
        exact.forEach((v, i) => {
          expect(Math.abs(v - (approx[i] as number))).toBeLessThan(bound);
        });
      }),
    );
  });
});

describe("leakyRelu and prelu", () => {
  it("leakyRelu with slope 0 is relu (values and gradients)", () => {
    run(
      fc.property(vec(1e4), (xs) => {
        const x1 = tensor(xs, { dtype: "float64", requiresGrad: true });
        const x2 = tensor(xs, { dtype: "float64", requiresGrad: true });
        const a = leakyRelu(x1, { negativeSlope: 0 });
        const b = relu(x2);
        // (+ 0 turns the −0 of 0·x into 0: the two are the same number)
        expect(vals(a).map((v) => v + 0)).toEqual(vals(b));
        a.sum().backward();
        b.sum().backward();
        expect(vals(x1.grad as Tensor)).toEqual(vals(x2.grad as Tensor));
      }),
    );
  });
  it("prelu with a fixed slope equals leakyRelu", () => {
    run(
      fc.property(vec(1e4), fc.double({ min: 0, max: 1, noNaN: true }), (xs, a) => {
        const p = vals(prelu(f64(xs), tensor([a], { dtype: "float64" })));
        expect(p.map((v) => v + 0)).toEqual(
          vals(leakyRelu(f64(xs), { negativeSlope: a })).map((v) => v + 0),
        );
      }),
    );
  });
});

describe("SELU self-normalises", () => {
  it("keeps mean ≈ 0 and variance ≈ 1 of 200,000 standard-normal inputs", async () => {
    const { randn, Generator } = await import("@fluxion/core");
    const x = randn([200_000], { dtype: "float64", generator: new Generator(seed) });
    const y = selu(x);
    // For N(0, 1) input E[selu] = 0 and Var[selu] = 1 exactly (Klambauer et al.); the sample
    // mean and variance of 2e5 draws have standard errors ≈ 0.0022 and ≈ 0.004.
    expect(Math.abs(y.mean().item())).toBeLessThan(0.01);
    expect(Math.abs(y.var().item() - 1)).toBeLessThan(0.02);
  });
});
