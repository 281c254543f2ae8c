import {
  argmax,
  type Backend,
  type DType,
  GraphError,
  getBackend,
  grad,
  gradients,
  noGrad,
  registerBackend,
  setBackend,
  type Tensor,
  tensor,
} from "@fluxion/core";
import { afterEach, describe, expect, it } from "vitest";
import {
  activations,
  binaryStep,
  elu,
  gelu,
  getActivation,
  leakyRelu,
  linear,
  lisht,
  logSoftmax,
  mish,
  prelu,
  relu,
  SELU_ALPHA,
  SELU_SCALE,
  selu,
  sigmoid,
  silu,
  softmax,
  softplus,
  swish,
  tanh,
} from "./index.js";

const elementwise: [string, (x: Tensor) => Tensor][] = [
  ["binaryStep", (x) => binaryStep(x)],
  ["linear", (x) => linear(x, { slope: 2 })],
  ["sigmoid", (x) => sigmoid(x)],
  ["tanh", (x) => tanh(x)],
  ["relu", (x) => relu(x)],
  ["leakyRelu", (x) => leakyRelu(x)],
  ["prelu", (x) => prelu(x, tensor([0.25], { dtype: x.dtype }))],
  ["elu", (x) => elu(x)],
  ["selu", (x) => selu(x)],
  ["gelu", (x) => gelu(x)],
  ["gelu tanh", (x) => gelu(x, { approximate: "tanh" })],
  ["gelu sigmoid", (x) => gelu(x, { approximate: "sigmoid" })],
  ["swish", (x) => swish(x)],
  ["swish β = 0.5", (x) => swish(x, { beta: 0.5 })],
  ["silu", (x) => silu(x)],
  ["lisht", (x) => lisht(x)],
  ["mish", (x) => mish(x)],
  ["softplus", (x) => softplus(x)],
  ["softplus β = 2", (x) => softplus(x, { beta: 2 })],
  ["softmax", (x) => softmax(x)],
  ["logSoftmax", (x) => logSoftmax(x)],
];

const big = [-1e4, -1e3, -100, -40, -1, 0, 1, 40, 100, 1e3, 1e4];

describe.each(["float64", "float32"] as DType[])("stability in %s", (dtype) => {
  it.each(elementwise)(
    "%s: finite values, gradients and second derivatives up to ±1e4",
    (_n, f) => {
      for (const x0 of big) {
        // one element at a time, so softmax sees rows of one value too
        const x = tensor([x0], { dtype, requiresGrad: true });
        const y = f(x);
        expect(Number.isFinite(y.item()), `f(${x0})`).toBe(true);
        const [g] = gradients([y.sum()], [x], { createGraph: true }) as [Tensor];
        expect(Number.isFinite(g.item()), `f'(${x0})`).toBe(true);
        if (g.requiresGrad) {
          g.sum().backward();
          expect(Number.isFinite((x.grad as Tensor).item()), `f''(${x0})`).toBe(true);
        }
      }
    },
  );

  it.each(elementwise)("%s: NaN propagates through values and gradients", (_n, f) => {
    const x = tensor([Number.NaN, 1], { dtype, requiresGrad: true });
    const y = f(x).data();
    // softmax's row is all NaN; elementwise functions keep the finite element finite
    expect(Number.isNaN(y[0] as number)).toBe(true);
    f(x).sum().backward();
    const g = (x.grad as Tensor).data();
    if (!(_n === "binaryStep" || _n === "linear")) expect(Number.isNaN(g[0] as number)).toBe(true);
  });
});

describe("kinks: values and derivatives exactly at 0", () => {
  const at0 = (f: (x: Tensor) => Tensor) => {
    const x = tensor([0], { dtype: "float64", requiresGrad: true });
    const y = f(x);
    y.sum().backward();
    return [y.item(), (x.grad as Tensor).item()];
  };
  it("binaryStep(0) = 1 with derivative 0; straight-through passes the gradient", () => {
    expect(at0((x) => binaryStep(x))).toEqual([1, 0]);
    expect(at0((x) => binaryStep(x, { straightThrough: true }))).toEqual([1, 1]);
    const tiny = tensor([-1e-300, 0, 5e-324], { dtype: "float64" });
    expect(binaryStep(tiny).toArray()).toEqual([0, 1, 1]);
  });
  it("relu'(0) = 0", () => expect(at0((x) => relu(x))).toEqual([0, 0]));
  it("leakyRelu'(0) = a", () =>
    expect(at0((x) => leakyRelu(x, { negativeSlope: 0.2 }))).toEqual([0, 0.2]));
  it("elu'(0) = α", () => expect(at0((x) => elu(x, { alpha: 0.7 }))).toEqual([0, 0.7]));
  it("selu'(0) = λα", () => expect(at0((x) => selu(x))).toEqual([0, SELU_SCALE * SELU_ALPHA]));
  it("prelu: ∂f/∂x = a and ∂f/∂a = 0 at 0", () => {
    const x = tensor([0, -2, 3], { dtype: "float64", requiresGrad: true });
    const a = tensor([0.3], { dtype: "float64", requiresGrad: true });
    prelu(x, a).sum().backward();
    expect(x.grad?.toArray()).toEqual([0.3, 0.3, 1]);
    expect(a.grad?.toArray()).toEqual([-2]);
  });
  it("prelu per channel sums the slope's gradient over all but axis 1", () => {
    const x = tensor(
      [
        [
          [-1, 2],
          [-3, -4],
        ],
        [
          [-5, 6],
          [7, -8],
        ],
      ],
      {
        dtype: "float64",
        requiresGrad: true,
      },
    );
    const a = tensor([0.1, 0.2], { dtype: "float64", requiresGrad: true });
    prelu(x, a).sum().backward();
    expect(a.grad?.toArray()).toEqual([-1 - 5, -3 - 4 - 8]);
    const three = tensor([0.1, 0.2, 0.3], { dtype: "float64" });
    expect(() => prelu(x, three)).toThrow(/prelu: the slope must have/);
  });
});

describe("argmax", () => {
  it("is core's (flattened without an axis, as torch.argmax): this package exports none", async () => {
    const pkg: Record<string, unknown> = await import("./index.js");
    expect(pkg.argmax).toBeUndefined();
    expect(getActivation("argmax")?.parameters[0]).toEqual(
      expect.objectContaining({ name: "axis", default: null }),
    );
  });
  const message = /argmax is not differentiable.*softmax/;
  it("a gradient through it is an error that suggests softmax", () => {
    const x = tensor([1, 3, 2], { requiresGrad: true });
    expect(() => argmax(x).backward(tensor(1, { dtype: "int32" }))).toThrow(GraphError);
    expect(() => argmax(x).float().sum().backward()).toThrow(message);
    expect(() => grad((t: Tensor) => argmax(t).float().mul(2).sum())(x)).toThrow(message);
  });
});

describe("options are checked", () => {
  it("with errors naming the op and the option", () => {
    const x = tensor([1, 2]);
    expect(() => softmax(x, { temperature: 0 })).toThrow(/softmax: temperature must be positive/);
    expect(() => softmax(x, { axis: 1 })).toThrow(/softmax: axis 1 is out of range/);
    expect(() => softmax(tensor(1))).toThrow(/softmax: needs a tensor with at least one axis/);
    expect(() => softplus(x, { beta: -1 })).toThrow(/softplus: beta must be positive/);
    expect(() => leakyRelu(x, { negativeSlope: Number.NaN })).toThrow(/leakyRelu: negativeSlope/);
    expect(() => gelu(x, { approximate: "erf" as never })).toThrow(/gelu: approximate must be/);
  });
  it("int32 inputs give float32 results", () => {
    expect(sigmoid(tensor([0], { dtype: "int32" })).dtype).toBe("float32");
    expect(binaryStep(tensor([-1, 0], { dtype: "int32" })).toArray()).toEqual([0, 1]);
  });
});

describe("learnable swish β", () => {
  it("receives the gradient x² σ'(βx)", () => {
    const x = tensor([1.5, -0.5], { dtype: "float64" });
    const b = tensor(0.8, { dtype: "float64", requiresGrad: true });
    swish(x, { beta: b }).sum().backward();
    const s = (v: number) => 1 / (1 + Math.exp(-v));
    const expected = [1.5, -0.5].reduce((acc, v) => acc + v * v * s(0.8 * v) * s(-0.8 * v), 0);
    expect(Math.abs((b.grad as Tensor).item() - expected)).toBeLessThan(1e-15);
  });
});

describe("fused kernels", () => {
  const calls: string[] = [];
  const cpu = getBackend();
  const counting = new Proxy(cpu, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (key === "name") return "counting";
      return typeof v === "function"
        ? (...args: unknown[]) => {
            calls.push(String(key));
            return v.apply(target, args);
          }
        : v;
    },
  }) as Backend;
  registerBackend(counting);
  afterEach(() => setBackend(cpu.name));

  const recompute = ["activation", "activationGrad"] as const;
  const saved = ["activationWithGrad", "activationGradSaved"] as const;
  it.each([
    ["relu", (x: Tensor) => relu(x), recompute],
    ["leakyRelu", (x: Tensor) => leakyRelu(x), recompute],
    ["sigmoid", (x: Tensor) => sigmoid(x), recompute],
    ["tanh", (x: Tensor) => tanh(x), recompute],
    ["gelu", (x: Tensor) => gelu(x), saved],
    ["gelu tanh", (x: Tensor) => gelu(x, { approximate: "tanh" }), saved],
    ["gelu sigmoid", (x: Tensor) => gelu(x, { approximate: "sigmoid" }), saved],
    ["swish", (x: Tensor) => swish(x), recompute],
    ["mish", (x: Tensor) => mish(x), recompute],
    ["softplus", (x: Tensor) => softplus(x), recompute],
    ["softmax", (x: Tensor) => softmax(x), ["softmax", "softmaxGrad"]],
    ["logSoftmax", (x: Tensor) => logSoftmax(x), ["softmax", "softmaxGrad"]],
  ] as const)("%s runs one kernel forward and one backward", (_n, f, [forward, backward]) => {
    const x = tensor([[-1, 0.5, 2]], { dtype: "float64", requiresGrad: true });
    const g = tensor([[0.3, -1, 2]], { dtype: "float64" });
    setBackend("counting");
    calls.length = 0;
    const y = f(x);
    expect(calls).toEqual([forward]);
    calls.length = 0;
    y.backward(g);
    expect(calls).toEqual([backward]);
    // a sum's gradient reaches the saved-derivative kernel as one value, not expanded first
    calls.length = 0;
    f(x).sum().backward();
    expect(calls.filter((c) => c === "expand").length).toBe(
      forward === "activationWithGrad" ? 0 : 1,
    );
    // a forward that will not be differentiated computes f alone
    calls.length = 0;
    noGrad(() => f(x));
    f(x.detach());
    expect(calls).toEqual([forward, forward].map((k) => (k === "softmax" ? k : "activation")));
  });

  it.each([
    ["none", "float64"],
    ["tanh", "float64"],
    ["sigmoid", "float64"],
    ["none", "float32"],
    ["tanh", "float32"],
    ["sigmoid", "float32"],
  ] as const)(
    "gelu '%s' (%s): backward through the saved derivative matches recomputing it (float32: to one rounding)",
    (approximate, dtype) => {
      const values = [-1e4, -60, -9, -3.3, -1, -0.2, -0, 0, 1e-5, 0.7, 2.5, 12, 80, Number.NaN];
      const x = tensor(values, { dtype, requiresGrad: true });
      const g = tensor(
        values.map((_v, i) => (i % 3) - 1.3 + i / 7),
        { dtype },
      );
      gelu(x, { approximate }).backward(g);
      const [kernel, params] =
        approximate === "sigmoid"
          ? (["swish", [1.702]] as const)
          : ([approximate === "tanh" ? "geluTanh" : "gelu", []] as const);
      const recomputed = getBackend().activationGrad(
        kernel,
        g.data(),
        x.detach().data(),
        params,
        dtype,
      );
      // float64 (and float32 kernels computing f' in float32) round g·f'(x) once either way; the
      // CPU backend's float32 kernels compute in double, and the saved f'(x) is rounded to float32
      // first, so the product may round twice: within one float32 ulp
      const got = Array.from((x.grad as Tensor).data());
      const want = Array.from(recomputed);
      if (dtype === "float64") expect(got).toEqual(want);
      got.forEach((v, i) => {
        const w = want[i] as number;
        if (Number.isNaN(w)) expect(v).toBeNaN();
        else expect(Math.abs(v - w)).toBeLessThanOrEqual(Math.abs(w) * 2 ** -23);
      });
      // and the forward's value is the one computed alone
      const alone = getBackend().activation(kernel, x.detach().data(), params, dtype);
      expect(Array.from(gelu(x, { approximate }).data())).toEqual(Array.from(alone));
    },
  );
});

describe("the metadata registry", () => {
  it("has one record per exported activation, each with the fields docs need", () => {
    const names = activations.map((a) => a.name);
    // every activation of the list, by name, then core's argmax
    expect(names.at(-1)).toBe("argmax");
    expect(names.slice(0, -1)).toEqual([...names.slice(0, -1)].sort());
    for (const n of ["binaryStep", "relu", "gelu", "softmax", "logSoftmax", "prelu", "swish"])
      expect(names).toContain(n);
    for (const a of activations) {
      expect(a.formula.length).toBeGreaterThan(2);
      expect(a.range.length).toBeGreaterThan(0);
      const y = a.apply(tensor([[-2, -0.5, 0, 0.5, 2]], { dtype: "float64" }));
      expect(y.shape[0]).toBe(1);
    }
  });
  it("states boundedness and kinks consistently with the functions", () => {
    const x = tensor([[-1e4, -50, -3, -1, -0.3, 0, 0.3, 1, 3, 50, 1e4]], { dtype: "float64" });
    for (const a of activations.filter((r) => r.zeroCentred !== "n/a")) {
      const y = Array.from(a.apply(x).data());
      // unbounded sides really grow past ±40 on this grid; bounded ones stay within [−3, 3]
      if (!a.boundedAbove) expect(Math.max(...y), a.name).toBeGreaterThan(40);
      if (a.boundedAbove) expect(Math.max(...y), a.name).toBeLessThanOrEqual(3);
      if (!a.boundedBelow) expect(Math.min(...y), a.name).toBeLessThan(-40);
      if (a.boundedBelow) expect(Math.min(...y), a.name).toBeGreaterThanOrEqual(-3);
      expect(a.smooth || a.kink !== null, a.name).toBe(true);
    }
  });
});
