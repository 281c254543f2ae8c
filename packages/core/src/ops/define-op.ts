import {
  captureStack,
  firstNonFinite,
  isAnomalyEnabled,
  isCheckingForward,
} from "../autodiff/anomaly.js";
import { isGradEnabled, setGradEnabled } from "../autodiff/grad-mode.js";
import type { Backend } from "../backend/backend.js";
import { getBackend } from "../backend/index.js";
import type { DType, TypedArray } from "../dtype.js";
import { isFloat, promoteTypes } from "../dtype.js";
import { AnomalyError, ArgumentError, GraphError, ShapeError } from "../errors.js";
import { registry } from "../registry.js";
import type { Shape } from "../shape.js";
import { checkSize, fmt, shapesEqual, sizeOf } from "../shape.js";
import type { Node } from "../tensor/node.js";
import type { Storage } from "../tensor/storage.js";
import { Tensor } from "../tensor/tensor.js";
import { sumTo } from "./sum-to.js";

/** What a vjp rule sees besides the incoming gradient. */
export interface VjpContext<A> {
  readonly inputs: readonly Tensor[];
  /** The op's output (differentiable: using it in a rule keeps grad-of-grad correct). */
  readonly output: Tensor;
  readonly attrs: A;
  /** Whether input i needs a gradient; a rule may skip the others. */
  readonly needsInputGrad: readonly boolean[];
}

/**
 * One op: its name, output-shape rule, forward and vector-Jacobian product. Built-in ops and user ops
 * are defined the same way and behave the same under backward, grad-of-grad and gradcheck.
 */
export interface OpDef<A = Record<string, never>> {
  /** Registry key; also the exported function's name. */
  readonly name: string;
  /** The output shape; throws a ShapeError naming the op when the inputs do not fit. */
  shape(inputs: readonly Tensor[], attrs: A): Shape;
  /** The output dtype (default: the inputs' common dtype, see `promoteTypes`). */
  dtype?(inputs: readonly Tensor[], attrs: A, name: string): DType;
  /**
   * Computes the output values: through backend kernels (returning a typed array), or, for a user
   * op, with tensor ops (returning a Tensor; these run without recording a graph).
   */
  forward(
    backend: Backend,
    inputs: readonly Tensor[],
    attrs: A,
    out: { shape: Shape; dtype: DType },
  ): TypedArray | Tensor;
  /**
   * Gradients of each input from the output's gradient `g`, written with tensor ops so they are
   * differentiable themselves. A gradient may have the broadcast output's shape: it is summed back
   * to the input's shape for you. Null for inputs without a gradient. Omit `vjp` for an op that is
   * not differentiable (its output never requires grad).
   */
  vjp?(g: Tensor, ctx: VjpContext<A>): readonly (Tensor | null | undefined)[];
  /**
   * For an op without `vjp` whose result users may try to differentiate through (argmax): why it
   * has no gradient and what to use instead. Asking for a gradient through its output, even after
   * further ops, is then an error with this text. Through other ops without `vjp` (comparisons,
   * which are piecewise constant) backward says the output does not require grad, and `grad` gives
   * zeros.
   */
  readonly noGradient?: string;
}

/** A defined op, called with its input tensors and attributes. */
export interface Op<A> {
  (inputs: readonly Tensor[], attrs: A): Tensor;
  readonly def: OpDef<A>;
}

/** The common dtype of the inputs (int32 joins floats; float32 and float64 do not mix). */
export function promotedDType(inputs: readonly Tensor[], name: string): DType {
  let d = (inputs[0] as Tensor).dtype;
  for (let i = 1; i < inputs.length; i++) d = promoteTypes(name, d, (inputs[i] as Tensor).dtype);
  return d;
}

/**
 * Defines and registers a differentiable op. The returned function applies it: it computes the
 * shape and dtype, runs the forward on the active backend, and records a graph node when an input
 * requires grad.
 *
 * @example
 * const cube = defineOp<Record<string, never>>({
 *   name: "cube",
 *   shape: ([x]) => x.shape,
 *   forward: (_be, [x]) => x.mul(x).mul(x),
 *   // d/dx x³ = 3x²
 *   vjp: (g, { inputs: [x] }) => [g.mul(x.mul(x).mul(3))],
 * });
 * cube([tensor([2], { requiresGrad: true })], {}).sum().backward();
 */
export function defineOp<A = Record<string, never>>(def: OpDef<A>): Op<A> {
  if (typeof def.name !== "string" || def.name === "")
    throw new ArgumentError("defineOp: an op needs a non-empty name");
  if (registry.has(def.name))
    throw new ArgumentError(`defineOp: an op named "${def.name}" is already registered`);
  registry.set(def.name, def as OpDef<never>);
  const backward = def.vjp ? makeBackward(def) : undefined;
  const apply = (inputs: readonly Tensor[], attrs: A): Tensor => {
    for (let i = 0; i < inputs.length; i++) {
      if (!(inputs[i] instanceof Tensor))
        throw new ArgumentError(`${def.name}: input ${i} must be a Tensor`);
    }
    const dtype = def.dtype ? def.dtype(inputs, attrs, def.name) : promotedDType(inputs, def.name);
    const shape = def.shape(inputs, attrs);
    checkSize(def.name, shape);
    const storage = runForward(def, inputs, attrs, shape, dtype);
    let needsGrad = false;
    if (isGradEnabled()) for (const x of inputs) if (x._requiresGrad) needsGrad = true;
    let node: Node | null = null;
    if (needsGrad && backward && isFloat(dtype)) {
      node = {
        name: def.name,
        backward,
        inputs,
        versions: inputs.map((x) => x._storage.version),
        outputVersion: storage.version,
        attrs,
        stack: isAnomalyEnabled() ? captureStack() : undefined,
      };
    }
    const out = new Tensor(storage, shape, dtype, node);
    if (needsGrad && node === null) {
      out._nonDifferentiable = { op: def.name, reason: def.noGradient };
    } else if (!needsGrad && isGradEnabled()) {
      // Carry the origin through later ops (argmax(x).float().sum()), so that backward still
      // names the non-differentiable op instead of reporting that nothing requires grad.
      const from = inputs.find((x) => x._nonDifferentiable !== undefined);
      if (from) out._nonDifferentiable = from._nonDifferentiable;
    }
    if (isCheckingForward()) checkForwardAnomaly(def.name, inputs, out);
    return out;
  };
  return Object.assign(apply, { def });
}

function runForward<A>(
  def: OpDef<A>,
  inputs: readonly Tensor[],
  attrs: A,
  shape: Shape,
  dtype: DType,
): Storage {
  let result: TypedArray | Tensor;
  const prev = setGradEnabled(false);
  try {
    result = def.forward(getBackend(), inputs, attrs, { shape, dtype });
  } catch (e) {
    // A typed array that cannot be allocated (out of memory) is the user's shape being too large.
    if (e instanceof RangeError && /array|allocation|memory/i.test(e.message))
      throw new ShapeError(
        `${def.name}: could not allocate the ${dtype} output of shape ${fmt(shape)} (${sizeOf(shape)} elements): ${e.message}`,
      );
    throw e;
  } finally {
    setGradEnabled(prev);
  }
  if (result instanceof Tensor) {
    if (!shapesEqual(result.shape, shape)) {
      throw new ShapeError(
        `${def.name}: forward returned shape ${fmt(result.shape)} but the shape rule says ${fmt(shape)}`,
      );
    }
    return result.dtype === dtype ? result._storage : result.to(dtype)._storage;
  }
  if (result.length !== sizeOf(shape)) {
    throw new ShapeError(
      `${def.name}: forward returned ${result.length} values for shape ${fmt(shape)}`,
    );
  }
  // A forward that returns an input's own array (reshape) makes a view sharing that input's storage.
  for (const x of inputs) if (x._storage.data === result) return x._storage;
  return { data: result, version: 0 };
}

function makeBackward<A>(def: OpDef<A>): Node["backward"] {
  const vjp = def.vjp as NonNullable<OpDef<A>["vjp"]>;
  return (g, output, node) => {
    const inputs = node.inputs as readonly Tensor[];
    const ctx: VjpContext<A> = {
      inputs,
      // The output is saved for backward like an input: reading it after an in-place write
      // (y.mul_(0) under noGrad, y.detach().fill_(…)) would give a wrong gradient.
      get output() {
        checkOutputVersion(def.name, output, node);
        return output;
      },
      attrs: node.attrs as A,
      needsInputGrad: inputs.map((x) => x._requiresGrad),
    };
    const raw = vjp(g, ctx);
    if (raw.length !== inputs.length) {
      throw new GraphError(
        `${def.name}: vjp returned ${raw.length} gradients for ${inputs.length} inputs`,
      );
    }
    return raw.map((gi, i) => {
      const x = inputs[i] as Tensor;
      if (gi === null || gi === undefined || !x._requiresGrad) return null;
      if (!(gi instanceof Tensor))
        throw new GraphError(`${def.name}: vjp returned a non-Tensor gradient for input ${i}`);
      const summed = shapesEqual(gi.shape, x.shape) ? gi : sumTo(def.name, gi, x.shape, i);
      if (summed.dtype !== x.dtype) {
        throw new GraphError(
          `${def.name}: vjp returned a ${summed.dtype} gradient for input ${i}, which is ${x.dtype}`,
        );
      }
      return summed;
    });
  };
}

function checkOutputVersion(name: string, output: Tensor, node: Node): void {
  if (node.outputVersion === undefined || output._storage.version === node.outputVersion) return;
  throw new GraphError(
    `backward: one of the variables needed for gradient computation has been modified by an inplace operation: the output of ${name} (shape ${fmt(output.shape)}), which its gradient needs, was changed in place after ${name} computed it (version ${output._storage.version}, expected ${node.outputVersion}); clone() it before changing it in place`,
  );
}

function checkForwardAnomaly(name: string, inputs: readonly Tensor[], out: Tensor): void {
  const bad = firstNonFinite(out._data);
  if (bad < 0) return;
  if (inputs.some((x) => firstNonFinite(x._data) >= 0)) return;
  throw new AnomalyError(
    `anomaly: ${name} produced ${out._data[bad]} at element ${bad} of its output (shape ${fmt(out.shape)}) from finite inputs.\n${name} was called at:\n${captureStack()}`,
  );
}
