import { gradients } from "../autodiff/functional.js";
import { enableGrad, noGrad } from "../autodiff/grad-mode.js";
import { isFloat } from "../dtype.js";
import { ArgumentError, DTypeError, GradcheckError } from "../errors.js";
import { Generator } from "../random/generator.js";
import { checkArray, checkFunction, describeValue, dimAt, stridesOf } from "../shape.js";
import { Tensor } from "../tensor/tensor.js";

/** A function to check: tensors in, one tensor or a list of tensors out. */
export type CheckedFn = (...inputs: Tensor[]) => Tensor | readonly Tensor[];

/** Options of `gradcheck`: finite-difference step, tolerances and how much to compare. */
export interface GradcheckOptions {
  /** Finite-difference step (default 1e-6, as in PyTorch). */
  eps?: number;
  /** Absolute tolerance (default 1e-5). */
  atol?: number;
  /** Relative tolerance (default 1e-3). */
  rtol?: number;
  /** How many random directions u, v to compare ⟨v, J u⟩ with ⟨Jᵀv, u⟩ along (default 4). */
  directions?: number;
  /**
   * Also compare the full Jacobian element by element: by default when inputs and outputs have at
   * most 256 elements each.
   */
  elementwise?: boolean;
  /** Seed of the random directions (default 0). */
  seed?: number;
  /** Throw a GradcheckError on failure (default true); otherwise return the report. */
  raiseException?: boolean;
}

/** Where the analytical and numerical derivatives disagree most. */
export interface GradcheckWorst {
  /** "element": one Jacobian entry; "direction": a random projection ⟨v, J u⟩. */
  kind: "element" | "direction";
  /** Position of the input (among `gradcheck`'s inputs) being differentiated. */
  input: number;
  /** Index of the input element (element checks). */
  inputIndex?: number[];
  /** Position of the output (for functions that return several). */
  output?: number;
  /** Index of the output element (element checks). */
  outputIndex?: number[];
  /** The value from backward (the vjp rules). */
  analytical: number;
  /** The value from central finite differences. */
  numerical: number;
  /** |analytical − numerical| − (atol + rtol·|numerical|): positive means failure. */
  excess: number;
}

/** The result of `gradcheck`: whether it passed, how many comparisons it made, and the worst one. */
export interface GradcheckReport {
  /** True when every comparison is within atol + rtol·|numerical|. */
  ok: boolean;
  /** Number of comparisons made. */
  checks: number;
  /** The comparison closest to (or furthest past) the tolerance. */
  worst: GradcheckWorst | undefined;
}

function floatInputs(op: string, inputs: readonly Tensor[]): number[] {
  const diff: number[] = [];
  inputs.forEach((x, i) => {
    if (!(x instanceof Tensor)) throw new ArgumentError(`${op}: input ${i} must be a Tensor`);
    if (x.dtype === "float32") {
      throw new DTypeError(
        `${op}: input ${i} is float32; finite differences need float64 (use x.double())`,
      );
    }
    if (isFloat(x.dtype)) diff.push(i);
  });
  if (diff.length === 0) throw new ArgumentError(`${op}: no float64 input to differentiate`);
  return diff;
}

function asList(out: Tensor | readonly Tensor[]): Tensor[] {
  const list = out instanceof Tensor ? [out] : [...out];
  list.forEach((o, i) => {
    if (!(o instanceof Tensor))
      throw new ArgumentError(`gradcheck: output ${i} of the function is not a Tensor`);
  });
  return list;
}

/** f's outputs (detached, float64) at `inputs` with input `i` replaced by `x`. */
function evaluateAt(f: CheckedFn, inputs: readonly Tensor[], i: number, x: Tensor): Float64Array[] {
  const args = inputs.map((t, k) => (k === i ? x : t.detach()));
  return asList(f(...args)).map((o) => Float64Array.from(o._data));
}

function withData(x: Tensor, data: Float64Array): Tensor {
  return Tensor._fromData(data, x.shape, x.dtype);
}

function unravel(shape: readonly number[], flat: number): number[] {
  return stridesOf(shape).map((s, d) => Math.floor(flat / s) % dimAt(shape, d));
}

/** xs[i] for an index the caller's bounds guarantee (a bug otherwise, reported as one). */
function at<T>(xs: ArrayLike<T>, i: number): T {
  const x = xs[i];
  if (x === undefined)
    throw new RangeError(`internal: index ${i} is out of range (length ${xs.length})`);
  return x;
}

/** Σ a[j]·b[j] over arrays of one length. */
function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  a.forEach((v, j) => {
    s += v * at(b, j);
  });
  return s;
}

/**
 * Checks f's gradients (its vjp rules) against central finite differences in float64, like
 * PyTorch's `gradcheck`: along random directions (⟨v, J u⟩ by differences against ⟨Jᵀv, u⟩ by
 * backward, as JAX does) and, for small inputs, for every Jacobian entry. Every float64 input is
 * differentiated; int32 inputs are passed through. Throws a GradcheckError naming the worst
 * element unless `raiseException` is false.
 *
 * @example
 * gradcheck((x) => x.exp().mul(x), [randn([3], { dtype: "float64" })]);
 */
export function gradcheck(
  f: CheckedFn,
  inputs: readonly Tensor[],
  options: GradcheckOptions = {},
): GradcheckReport {
  checkFunction("gradcheck", "f", f);
  checkArray("gradcheck", "inputs", inputs);
  if (typeof options !== "object" || options === null)
    throw new ArgumentError(`gradcheck: options must be an object, got ${describeValue(options)}`);
  const eps = options.eps ?? 1e-6;
  const atol = options.atol ?? 1e-5;
  const rtol = options.rtol ?? 1e-3;
  const diff = floatInputs("gradcheck", inputs);
  const rng = new Generator(options.seed ?? 0);

  // Analytical side: one graph, many pullbacks.
  const leaves = inputs.map((x, i) => {
    if (!diff.includes(i)) return x;
    const leaf = x.detach();
    leaf._requiresGrad = true;
    return leaf;
  });
  const outs = enableGrad(() => asList(f(...leaves)));
  outs.forEach((o, k) => {
    if (o.dtype !== "float64")
      throw new DTypeError(`gradcheck: output ${k} is ${o.dtype}; expected float64`);
  });
  const live = outs.map((o) => o._requiresGrad);
  const pullback = (seeds: Float64Array[]): Float64Array[] => {
    const roots = outs.filter((_, k) => live[k]);
    if (roots.length === 0) return diff.map((i) => new Float64Array(at(inputs, i).size));
    const gs = gradients(
      roots,
      diff.map((i) => at(leaves, i)),
      {
        gradOutputs: outs.flatMap((o, k) => (live[k] ? [withData(o, at(seeds, k))] : [])),
        retainGraph: true,
      },
    );
    return gs.map((g) => Float64Array.from(g._data));
  };

  let worst: GradcheckWorst | undefined;
  let checks = 0;
  const compare = (candidate: Omit<GradcheckWorst, "excess">) => {
    checks++;
    const raw =
      Math.abs(candidate.analytical - candidate.numerical) -
      (atol + rtol * Math.abs(candidate.numerical));
    const excess = Number.isNaN(raw) ? Infinity : raw;
    if (worst === undefined || excess > worst.excess) worst = { ...candidate, excess };
  };

  noGrad(() => {
    // Random directions: ⟨v, (f(x + εu) − f(x − εu)) / 2ε⟩ against ⟨Jᵀv, u⟩, one input at a time.
    for (let d = 0; d < (options.directions ?? 4); d++) {
      const vs = outs.map((o) => Float64Array.from({ length: o.size }, () => rng.normal()));
      const jtv = pullback(vs);
      diff.forEach((i, slot) => {
        const x = at(inputs, i);
        const u = Float64Array.from({ length: x.size }, () => rng.normal());
        const base = Float64Array.from(x._data);
        const plus = evaluateAt(
          f,
          inputs,
          i,
          withData(
            x,
            base.map((v, j) => v + eps * at(u, j)),
          ),
        );
        const minus = evaluateAt(
          f,
          inputs,
          i,
          withData(
            x,
            base.map((v, j) => v - eps * at(u, j)),
          ),
        );
        let numerical = 0;
        vs.forEach((v, k) => {
          const p = at(plus, k);
          const m = at(minus, k);
          numerical += dot(
            v,
            p.map((pj, j) => (pj - at(m, j)) / (2 * eps)),
          );
        });
        const analytical = dot(at(jtv, slot), u);
        compare({ kind: "direction", input: i, analytical, numerical });
      });
    }

    // Element by element, for small problems.
    const inSize = diff.reduce((s, i) => s + at(inputs, i).size, 0);
    const outSize = outs.reduce((s, o) => s + o.size, 0);
    if (!(options.elementwise ?? (inSize <= 256 && outSize <= 256))) return;
    const rows: Float64Array[][] = [];
    outs.forEach((o, k) => {
      for (let e = 0; e < o.size; e++) {
        const seeds = outs.map((q) => new Float64Array(q.size));
        at(seeds, k)[e] = 1;
        rows.push(pullback(seeds));
      }
    });
    diff.forEach((i, slot) => {
      const x = at(inputs, i);
      for (let j = 0; j < x.size; j++) {
        const p = Float64Array.from(x._data, (v, q) => (q === j ? v + eps : v));
        const m = Float64Array.from(x._data, (v, q) => (q === j ? v - eps : v));
        const fp = evaluateAt(f, inputs, i, withData(x, p));
        const fm = evaluateAt(f, inputs, i, withData(x, m));
        let row = 0;
        outs.forEach((o, k) => {
          for (let e = 0; e < o.size; e++, row++) {
            const numerical = (at(at(fp, k), e) - at(at(fm, k), e)) / (2 * eps);
            const analytical = at(at(at(rows, row), slot), j);
            compare({
              kind: "element",
              input: i,
              inputIndex: unravel(x.shape, j),
              output: k,
              outputIndex: unravel(o.shape, e),
              analytical,
              numerical,
            });
          }
        });
      }
    });
  });

  const ok = worst === undefined || worst.excess <= 0;
  if (worst !== undefined && !ok && (options.raiseException ?? true))
    throw new GradcheckError(describeFailure(worst, atol, rtol));
  return { ok, checks, worst };
}

function describeFailure(w: GradcheckWorst, atol: number, rtol: number): string {
  const where =
    w.kind === "element"
      ? `d output ${w.output}[${w.outputIndex?.join(", ")}] / d input ${w.input}[${w.inputIndex?.join(", ")}]`
      : `a random projection ⟨v, J u⟩ for input ${w.input}`;
  return `gradcheck: the analytical gradient disagrees with finite differences at ${where}: analytical ${w.analytical}, numerical ${w.numerical} (atol ${atol}, rtol ${rtol})`;
}

/**
 * Checks second derivatives: runs `gradcheck` on the function (inputs, v) ↦ Jᵀv computed by
 * backward with `createGraph`, for random cotangents v, so every vjp rule is itself checked as a
 * differentiable function. Like PyTorch's `gradgradcheck`.
 *
 * @example
 * gradgradcheck((x) => x.exp().mul(x), [randn([4], { dtype: "float64" })]);
 */
export function gradgradcheck(
  f: CheckedFn,
  inputs: readonly Tensor[],
  options: GradcheckOptions = {},
): GradcheckReport {
  checkFunction("gradgradcheck", "f", f);
  checkArray("gradgradcheck", "inputs", inputs);
  if (typeof options !== "object" || options === null)
    throw new ArgumentError(
      `gradgradcheck: options must be an object, got ${describeValue(options)}`,
    );
  const diff = floatInputs("gradgradcheck", inputs);
  const rng = new Generator((options.seed ?? 0) + 1);
  const sample = enableGrad(() => asList(f(...inputs.map((x) => x.detach()))));
  const cotangents = sample.map((o) => {
    const data = Float64Array.from({ length: o.size }, () => rng.normal());
    return Tensor._fromData(data, o.shape, "float64");
  });
  const n = inputs.length;
  const firstOrder: CheckedFn = (...args) => {
    const xs = args.slice(0, n).map((x, i) => {
      if (!diff.includes(i) || x._requiresGrad) return x;
      const leaf = x.detach();
      leaf._requiresGrad = true;
      return leaf;
    });
    const vs = args.slice(n);
    return enableGrad(() => {
      const outs = asList(f(...xs));
      const roots = outs.filter((o) => o._requiresGrad);
      if (roots.length === 0) return diff.map((i) => at(xs, i).mul(0));
      return gradients(
        roots,
        diff.map((i) => at(xs, i)),
        { gradOutputs: vs.filter((_, k) => at(outs, k)._requiresGrad), createGraph: true },
      );
    });
  };
  return gradcheck(firstOrder, [...inputs, ...cotangents], options);
}
