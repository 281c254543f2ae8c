import { allocate, isFloat } from "../dtype.js";
import { ArgumentError, GraphError } from "../errors.js";
import { checkArray, checkFunction, describeValue, formatShape } from "../shape.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";
import { backward } from "./engine.js";
import { isGradEnabled, setGradEnabled } from "./grad-mode.js";

/**
 * How many functional transforms are evaluating their function right now. A transform nested in
 * another's function records its own backward pass (createGraph), so the outer one can
 * differentiate it: that is what makes `grad(grad(f))` work without any flag.
 */
let depth = 0;

/** Options of `grad` and `valueAndGrad`. */
export interface GradOptions {
  /** Which arguments to differentiate with respect to (default 0). */
  argnums?: number | readonly number[];
  /** Record the backward pass even at top level, so the result can be differentiated again. */
  createGraph?: boolean;
}

type Fn = (...args: Tensor[]) => Tensor;

function toTensorArg(op: string, value: TensorLike, i: number): Tensor {
  if (value instanceof Tensor) return value;
  if (typeof value === "number") return Tensor._fromData(Float64Array.of(value), [], "float64");
  throw new ArgumentError(`${op}: argument ${i} must be a Tensor or a number`);
}

/** Arguments made ready for differentiation: those that do not require grad become fresh leaves. */
/** The arguments as tensors, and (in `argnums` order) the ones to differentiate with respect to. */
function prepare(
  op: string,
  args: readonly TensorLike[],
  argnums: readonly number[],
): { tensors: Tensor[]; chosen: Tensor[] } {
  const tensors = args.map((a, i) => toTensorArg(op, a, i));
  const chosen: Tensor[] = [];
  for (const i of argnums) {
    const t = tensors[i];
    if (t === undefined) {
      throw new ArgumentError(
        `${op}: argnums names argument ${i} but the function was called with ${args.length}`,
      );
    }
    if (!isFloat(t.dtype)) {
      throw new ArgumentError(
        `${op}: argument ${i} is ${t.dtype}; only float tensors can be differentiated`,
      );
    }
    if (!t._requiresGrad || !isGradEnabled()) {
      // a fresh leaf sharing t's values: gradients are taken with respect to it
      const leaf = new Tensor(t._storage, t.shape, t.dtype, null);
      leaf._requiresGrad = true;
      tensors[i] = leaf;
      chosen.push(leaf);
    } else chosen.push(t);
  }
  return { tensors, chosen };
}

/** Runs f with graph recording on: a transform ignores an outer `noGrad`, as torch.func does. */
function evaluate(op: string, f: Fn, args: Tensor[]): Tensor {
  depth++;
  const prev = setGradEnabled(true);
  let out: unknown;
  try {
    out = f(...args);
  } finally {
    setGradEnabled(prev);
    depth--;
  }
  if (!(out instanceof Tensor)) throw new ArgumentError(`${op}: the function must return a Tensor`);
  return out;
}

function scalarOutput(op: string, out: Tensor): void {
  if (out.size !== 1) {
    throw new GraphError(
      `${op}: the function must return a one-element tensor, got shape ${formatShape(out.shape)}; use vjp for other outputs`,
    );
  }
}

function gradientsOf(
  out: Tensor,
  xs: Tensor[],
  seed: TensorLike | undefined,
  createGraph: boolean,
  retainGraph: boolean,
): Tensor[] {
  // Through a non-differentiable op (argmax) the gradient is not zero but undefined: say so.
  if (!out._requiresGrad && out._nonDifferentiable?.reason === undefined)
    return xs.map((x) => Tensor._fromData(allocate(x.dtype, x.size), x.shape, x.dtype)); // true zeros: x·0 is NaN at ±∞
  return backward([out], [seed], { inputs: xs, createGraph, retainGraph });
}

/**
 * `valueAndGrad(f)` returns a function computing f's value and its gradient with respect to the
 * chosen arguments (JAX's `value_and_grad`). f must return a one-element tensor. No `.grad` is
 * touched.
 *
 * @example
 * const [loss, [dW, db]] = valueAndGrad((W, b) => X.matmul(W).add(b).pow(2).mean(), { argnums: [0, 1] })(W, b);
 */
export function valueAndGrad(
  f: Fn,
  options: GradOptions & { argnums: readonly number[] },
): (...args: TensorLike[]) => [Tensor, Tensor[]];
export function valueAndGrad(
  f: Fn,
  options?: GradOptions & { argnums?: number },
): (...args: TensorLike[]) => [Tensor, Tensor];
export function valueAndGrad(
  f: Fn,
  options: GradOptions = {},
): (...args: TensorLike[]) => [Tensor, Tensor | Tensor[]] {
  checkFunction("grad", "f", f);
  if (typeof options !== "object" || options === null)
    throw new ArgumentError(`grad: options must be an object, got ${describeValue(options)}`);
  const argnums = options.argnums ?? 0;
  const list = typeof argnums === "number" ? [argnums] : [...argnums];
  return (...args: TensorLike[]) => {
    const { tensors: xs, chosen } = prepare("grad", args, list);
    const out = evaluate("grad", f, xs);
    scalarOutput("grad", out);
    const createGraph = depth > 0 || (options.createGraph ?? false);
    const gs = gradientsOf(out, chosen, undefined, createGraph, createGraph);
    const value = createGraph ? out : out.detach();
    const [only] = gs;
    return [value, typeof argnums === "number" && only !== undefined ? only : gs];
  };
}

/**
 * `grad(f)` returns a function computing the gradient of f (which returns a one-element tensor)
 * with respect to argument 0, or to the arguments named by `argnums`. Composes: `grad(grad(f))` is
 * the second derivative.
 *
 * @example
 * const d2 = grad(grad((x) => x.pow(3).sum()));
 * d2(tensor(2)).item(); // 12
 */
export function grad(
  f: Fn,
  options: GradOptions & { argnums: readonly number[] },
): (...args: TensorLike[]) => Tensor[];
export function grad(
  f: Fn,
  options?: GradOptions & { argnums?: number },
): (...args: TensorLike[]) => Tensor;
export function grad(
  f: Fn,
  options: GradOptions = {},
): (...args: TensorLike[]) => Tensor | Tensor[] {
  const vg = valueAndGrad(f, options as GradOptions & { argnums: readonly number[] });
  return (...args: TensorLike[]) => vg(...args)[1];
}

/**
 * Evaluates f at `primals` and returns its output with a function that maps a cotangent of the
 * output's shape to the gradients of every primal (JAX's `vjp`). The pullback may be called many
 * times.
 *
 * @example
 * const [y, pullback] = vjp((x) => x.exp(), tensor([0, 1]));
 * const [gx] = pullback(tensor([1, 1])); // e^x
 */
export function vjp(
  f: Fn,
  ...primals: TensorLike[]
): [Tensor, (cotangent: TensorLike) => Tensor[]] {
  checkFunction("vjp", "f", f);
  const all = primals.map((_, i) => i);
  const { tensors: xs } = prepare("vjp", primals, all);
  const out = evaluate("vjp", f, xs);
  const pullback = (cotangent: TensorLike) => {
    const createGraph = depth > 0;
    return gradientsOf(out, xs, cotangent, createGraph, true);
  };
  return [depth > 0 ? out : out.detach(), pullback];
}

/** Options of `gradients` (PyTorch's `torch.autograd.grad` keywords). */
export interface GradientsOptions {
  /** Gradient of each output (required for outputs with more than one element). */
  gradOutputs?: readonly (TensorLike | undefined)[];
  /** Record the backward pass so the gradients can be differentiated again (default false). */
  createGraph?: boolean;
  /** Keep the graph for another backward (default: createGraph). */
  retainGraph?: boolean;
}

/**
 * Gradients of `outputs` with respect to `inputs` (PyTorch's `torch.autograd.grad`): returned, not
 * accumulated into `.grad`. Inputs the outputs do not depend on get zeros.
 *
 * @example
 * const x = tensor([1, 2], { requiresGrad: true });
 * const [dx] = gradients([x.pow(2).sum()], [x], { createGraph: true });
 */
export function gradients(
  outputs: readonly Tensor[],
  inputs: readonly Tensor[],
  options: GradientsOptions = {},
): Tensor[] {
  checkTensorList("gradients", "outputs", outputs);
  checkTensorList("gradients", "inputs", inputs);
  if (typeof options !== "object" || options === null)
    throw new ArgumentError(`gradients: options must be an object, got ${describeValue(options)}`);
  if (options.gradOutputs !== undefined)
    checkArray("gradients", "gradOutputs", options.gradOutputs);
  const createGraph = options.createGraph ?? false;
  return backward(outputs, options.gradOutputs ?? outputs.map(() => undefined), {
    inputs,
    createGraph,
    retainGraph: options.retainGraph ?? createGraph,
  });
}

/** Throws unless `value` is an array of tensors. */
function checkTensorList(op: string, arg: string, value: unknown): void {
  checkArray(op, arg, value);
  (value as unknown[]).forEach((t, i) => {
    if (!(t instanceof Tensor))
      throw new ArgumentError(`${op}: ${arg}[${i}] must be a Tensor, got ${describeValue(t)}`);
  });
}
