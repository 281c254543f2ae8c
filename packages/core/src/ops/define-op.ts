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
import { dtypeOfArray, isFloat, promoteTypes } from "../dtype.js";
import { AnomalyError, ArgumentError, GraphError, ShapeError } from "../errors.js";
import { isBuiltinOp, registry } from "../registry.js";
import type { Shape } from "../shape.js";
import { broadcastsTo, checkSize, formatShape, shapesEqual, sizeOf } from "../shape.js";
import type { Node } from "../tensor/node.js";
import type { Storage } from "../tensor/storage.js";
import { Tensor } from "../tensor/tensor.js";
import { enterOpForward, exitOpForward, notifyOpObservers } from "./op-observer.js";
import { sumTo } from "./sum-to.js";

/** Ops without attributes. */
export type NoAttrs = Record<string, never>;

/**
 * A read-only view of an input's values, as an op's `forward` sees it: the flat row-major
 * values, the shape and the dtype. A forward passes `data` to backend kernels and never writes it.
 */
export interface TensorView {
  /** The flat row-major values (never written by an op). */
  readonly data: Readonly<TypedArray>;
  /** The input's shape. */
  readonly shape: Shape;
  /** The input's dtype. */
  readonly dtype: DType;
}

/** The inputs of an op as views, one per input tensor (a tuple of the same length). */
export type TensorViews<I extends readonly Tensor[]> = { readonly [K in keyof I]: TensorView };

/** One gradient (or null/undefined for none) per input, in the inputs' order. */
export type InputGrads<I extends readonly Tensor[]> = {
  readonly [K in keyof I]: Tensor | null | undefined;
};

/** What a vjp rule sees besides the incoming gradient. */
export interface VjpContext<I extends readonly Tensor[], A> {
  /** The op's input tensors. */
  readonly inputs: I;
  /** The op's output (differentiable: using it in a rule keeps grad-of-grad correct). */
  readonly output: Tensor;
  /** The op's attributes, as given to the call. */
  readonly attrs: A;
  /**
   * What the forward saved for this rule (`ForwardResult.saved`), as tensors of the output's
   * shape and dtype that do not require grad. Empty when it saved nothing, and when backward
   * records the rule's own graph (`createGraph`, for higher derivatives): saved values would be
   * constants there, so the rule must then compute them with tensor ops.
   */
  readonly saved: readonly Tensor[];
  /** Whether each input needs a gradient; a rule may skip the others. */
  readonly needsInputGrad: { readonly [K in keyof I]: boolean };
}

/** The shape and dtype of an op's output, given to its forward. */
export interface OutputSpec {
  /** The output's shape (from the op's `shape` rule). */
  readonly shape: Shape;
  /** The output's dtype (from the op's `dtype` rule). */
  readonly dtype: DType;
  /**
   * Whether this call records a graph node (grad mode is on and an input requires grad), so that
   * the vjp will run: a forward may then also return what it computed for it (`ForwardResult`).
   */
  readonly recording: boolean;
}

/**
 * A forward's output together with arrays it computed for the vjp in the same pass (an
 * activation's derivative), each of the output's length and dtype: the vjp reads them as
 * `ctx.saved`. Saved only when `out.recording`; backward frees them with the graph.
 */
export interface ForwardResult {
  /** The output's values (as a forward returns them otherwise). */
  readonly output: TypedArray;
  /** Arrays for the vjp, each of the output's length and dtype, in the order `ctx.saved` lists. */
  readonly saved: readonly TypedArray[];
}

/**
 * One op: its name, output-shape rule, forward and vector-Jacobian product. `I` is the tuple of
 * its input tensors (`[Tensor]`, `[Tensor, Tensor]`, or `Tensor[]` for any number) and `A` its
 * attributes. Built-in ops and user ops are defined the same way and behave the same under
 * backward, grad-of-grad and gradcheck.
 */
export interface OpDef<I extends readonly Tensor[] = [Tensor], A = NoAttrs> {
  /** Registry key; also the exported function's name. */
  readonly name: string;
  /** The output shape; throws a ShapeError naming the op when the inputs do not fit. */
  shape(inputs: I, attrs: A): Shape;
  /** The output dtype (default: the inputs' common dtype, see `promoteTypes`). */
  dtype?(inputs: I, attrs: A, name: string): DType;
  /**
   * Computes the output values through backend kernels, from read-only views of the inputs.
   * Returning an input's own `data` makes the output a view sharing its storage (reshape). When
   * `out.recording`, it may return a `ForwardResult` to save intermediates for the vjp.
   * Give either `forward` or `compute`.
   */
  forward?(
    backend: Backend,
    inputs: TensorViews<I>,
    attrs: A,
    out: OutputSpec,
  ): TypedArray | ForwardResult;
  /**
   * Computes the output with tensor ops instead of kernels (the usual way for a user op). It runs
   * without recording a graph: the op's gradient comes from `vjp`. Give either `forward` or
   * `compute`.
   */
  compute?(inputs: I, attrs: A, out: OutputSpec): Tensor;
  /**
   * Gradients of each input from the output's gradient `g`, written with tensor ops so they are
   * differentiable themselves. A gradient may have the broadcast output's shape: it is summed back
   * to the input's shape for you; one that broadcasts to the input's shape (sum's: the reduced axes
   * as 1) is expanded by backward where needed. Null for inputs without a gradient. Omit `vjp` for
   * an op that is not differentiable (its output never requires grad).
   */
  vjp?(g: Tensor, ctx: VjpContext<I, A>): InputGrads<I>;
  /**
   * Whether `vjp` accepts an incoming gradient that only broadcasts to the output's shape (a sum's
   * gradient, which backward otherwise expands first): an elementwise rule can take it as it is
   * and save the expansion. Default false: `vjp` gets a gradient of the output's shape.
   */
  readonly broadcastGradient?: boolean;
  /**
   * For an op without `vjp` whose result users may try to differentiate through (argmax): why it
   * has no gradient and what to use instead. Asking for a gradient through its output, even after
   * further ops, is then an error with this text. Through other ops without `vjp` (comparisons,
   * which are piecewise constant) backward says the output does not require grad, and `grad` gives
   * zeros.
   */
  readonly noGradient?: string;
}

/**
 * Any op definition, whatever its inputs and attributes: what the registry holds. Its attributes
 * are unknown to the reader, so calling its rules needs the op's own attribute type.
 */
export type AnyOpDef = OpDef<readonly Tensor[], never>;

/** The arguments of an op: its inputs, then its attributes (optional when it has none). */
export type OpArgs<I extends readonly Tensor[], A> = NoAttrs extends A
  ? [inputs: I, attrs?: A]
  : [inputs: I, attrs: A];

/**
 * A defined op, called with the tuple of its input tensors and its attributes (which may be left
 * out when the op has none).
 */
export interface Op<I extends readonly Tensor[] = [Tensor], A = NoAttrs> {
  (...args: OpArgs<I, A>): Tensor;
  /** The definition the op was made from (name, shape rule, forward, vjp). */
  readonly def: OpDef<I, A>;
}

/** The common dtype of the inputs (int32 joins floats; float32 and float64 do not mix). */
export function promotedDType(inputs: readonly { readonly dtype: DType }[], name: string): DType {
  const [first, ...rest] = inputs;
  if (first === undefined) throw new ArgumentError(`${name}: needs at least one input`);
  let d = first.dtype;
  for (const x of rest) d = promoteTypes(name, d, x.dtype);
  return d;
}

/**
 * Defines and registers a differentiable op. The returned function applies it: it computes the
 * shape and dtype, runs the forward on the active backend, and records a graph node when an input
 * requires grad. Defining an op under the name of an earlier user op replaces it with a warning
 * (a REPL, hot reload); the name of a built-in op is an error.
 *
 * @example
 * const cube = defineOp<[Tensor]>({
 *   name: "cube",
 *   shape: ([x]) => x.shape,
 *   compute: ([x]) => x.mul(x).mul(x),
 *   // d/dx x³ = 3x²
 *   vjp: (g, { inputs: [x] }) => [g.mul(x.mul(x).mul(3))],
 * });
 * cube([tensor([2], { requiresGrad: true })]).sum().backward();
 */
export function defineOp<I extends readonly Tensor[] = [Tensor], A = NoAttrs>(
  def: OpDef<I, A>,
): Op<I, A> {
  if (typeof def.name !== "string" || def.name === "")
    throw new ArgumentError("defineOp: an op needs a non-empty name");
  if ((def.forward === undefined) === (def.compute === undefined)) {
    throw new ArgumentError(
      `defineOp: op "${def.name}" needs exactly one of forward (backend kernels) and compute (tensor ops)`,
    );
  }
  if (isBuiltinOp(def.name))
    throw new ArgumentError(
      `defineOp: "${def.name}" is a built-in op of Fluxion and cannot be redefined; give your op another name`,
    );
  // NOTE: redefining a user op replaces it (a REPL, hot module reload re-running the file); functions
  // made by the earlier defineOp call keep their own definition.
  if (registry.has(def.name))
    console.warn(`defineOp: replacing the op "${def.name}" with a new definition`);
  registry.set(def.name, def);
  const backward = def.vjp ? makeBackward(def, def.vjp) : undefined;
  const apply = (inputs: I, attrs: A): Tensor => {
    if (!Array.isArray(inputs))
      throw new ArgumentError(`${def.name}: inputs must be an array of tensors`);
    inputs.forEach((x, i) => {
      if (!(x instanceof Tensor))
        throw new ArgumentError(`${def.name}: input ${i} must be a Tensor`);
    });
    const dtype = def.dtype ? def.dtype(inputs, attrs, def.name) : promotedDType(inputs, def.name);
    const shape = def.shape(inputs, attrs);
    checkSize(def.name, shape);
    let needsGrad = false;
    if (isGradEnabled()) for (const x of inputs) if (x._requiresGrad) needsGrad = true;
    const recording = needsGrad && backward !== undefined && isFloat(dtype);
    const [storage, saved] = runForward(def, inputs, attrs, { shape, dtype, recording });
    let node: Node | null = null;
    if (recording) {
      node = {
        name: def.name,
        backward,
        inputs,
        versions: inputs.map((x) => x._storage.version),
        outputVersion: storage.version,
        attrs,
        broadcastGradient: def.broadcastGradient === true,
        saved: saved.map((data) => Tensor._fromData(data, shape, dtype)),
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
    notifyOpObservers(def, inputs, attrs, out);
    return out;
  };
  const noAttrs: NoAttrs = {};
  const op = (...[inputs, attrs]: OpArgs<I, A>): Tensor =>
    // Attributes are left out only where NoAttrs is a valid A (see OpArgs).
    apply(inputs, attrs ?? (noAttrs as A));
  return Object.assign(op, { def });
}

function runForward<I extends readonly Tensor[], A>(
  def: OpDef<I, A>,
  inputs: I,
  attrs: A,
  out: OutputSpec,
): [Storage, readonly TypedArray[]] {
  const { shape, dtype } = out;
  const prev = setGradEnabled(false);
  enterOpForward();
  try {
    if (def.compute) {
      const result = def.compute(inputs, attrs, out);
      if (!(result instanceof Tensor))
        throw new GraphError(`${def.name}: compute must return a Tensor`);
      if (!shapesEqual(result.shape, shape)) {
        throw new ShapeError(
          `${def.name}: compute returned shape ${formatShape(result.shape)} but the shape rule says ${formatShape(shape)}`,
        );
      }
      return [result.dtype === dtype ? result._storage : result.to(dtype)._storage, []];
    }
    const forward = def.forward;
    if (forward === undefined) throw new GraphError(`${def.name}: has no forward`);
    const views = inputs.map(
      (x): TensorView => ({ data: x._storage.data, shape: x.shape, dtype: x.dtype }),
    );
    // NOTE: the mapped tuple type is lost through Array.prototype.map; `views` has one view per input.
    const returned = forward(getBackend(), views as TensorViews<I>, attrs, out);
    const [result, saved] = ArrayBuffer.isView(returned)
      ? [returned, []]
      : [returned.output, returned.saved];
    if (saved.length > 0 && !out.recording)
      throw new GraphError(`${def.name}: forward saved arrays for a call that records no graph`);
    for (const a of saved) {
      // backward recycles what was saved once the rule has run: it must be the forward's own array
      if (a === result || inputs.some((x) => x._storage.data === a))
        throw new GraphError(
          `${def.name}: forward saved its output or an input's array; the vjp reads those as ctx.output and ctx.inputs`,
        );
      if (dtypeOfArray(a) !== dtype)
        throw new GraphError(
          `${def.name}: forward saved a ${dtypeOfArray(a)} array for a ${dtype} output`,
        );
    }
    const n = sizeOf(shape);
    for (const a of [result, ...saved]) {
      if (a.length !== n) {
        throw new ShapeError(
          `${def.name}: forward returned ${a.length} values for shape ${formatShape(shape)}`,
        );
      }
    }
    // A forward that returns an input's own array (reshape) makes a view sharing that input's storage.
    for (const x of inputs) if (x._storage.data === result) return [x._storage, saved];
    return [{ data: result, version: 0 }, saved];
  } catch (e) {
    // A typed array that cannot be allocated (out of memory) is the user's shape being too large.
    if (e instanceof RangeError && /array|allocation|memory/i.test(e.message))
      throw new ShapeError(
        `${def.name}: could not allocate the ${dtype} output of shape ${formatShape(shape)} (${sizeOf(shape)} elements): ${e.message}`,
      );
    throw e;
  } finally {
    exitOpForward();
    setGradEnabled(prev);
  }
}

function makeBackward<I extends readonly Tensor[], A>(
  def: OpDef<I, A>,
  vjp: NonNullable<OpDef<I, A>["vjp"]>,
): Node["backward"] {
  return (g, output, node) => {
    // NOTE: a node keeps the inputs and attributes this op was applied to (typed loosely in Node).
    const inputs = node.inputs as I;
    const needsInputGrad = inputs.map((x) => x._requiresGrad);
    const ctx: VjpContext<I, A> = {
      inputs,
      // The output is saved for backward like an input: reading it after an in-place write
      // (y.mul_(0) under noGrad, y.detach().fill_(…)) would give a wrong gradient.
      get output() {
        checkOutputVersion(def.name, output, node);
        return output;
      },
      attrs: node.attrs as A,
      // what was saved is a constant to a graph the rule would record (createGraph): withheld
      // then, so the rule computes it with tensor ops and its derivatives stay right
      saved: isGradEnabled() ? [] : (node.saved ?? []),
      needsInputGrad: needsInputGrad as VjpContext<I, A>["needsInputGrad"],
    };
    const raw: readonly (Tensor | null | undefined)[] = vjp(g, ctx);
    if (raw.length !== inputs.length) {
      throw new GraphError(
        `${def.name}: vjp returned ${raw.length} gradients for ${inputs.length} inputs`,
      );
    }
    return inputs.map((x, i) => {
      const gi = raw[i];
      if (gi === null || gi === undefined || !x._requiresGrad) return null;
      if (!(gi instanceof Tensor))
        throw new GraphError(`${def.name}: vjp returned a non-Tensor gradient for input ${i}`);
      // a gradient that broadcasts to x (sum's) stays unexpanded: backward expands it where needed
      const summed =
        shapesEqual(gi.shape, x.shape) || broadcastsTo(gi.shape, x.shape)
          ? gi
          : sumTo(def.name, gi, x.shape, i);
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
    `backward: one of the variables needed for gradient computation has been modified by an inplace operation: the output of ${name} (shape ${formatShape(output.shape)}), which its gradient needs, was changed in place after ${name} computed it (version ${output._storage.version}, expected ${node.outputVersion}); clone() it before changing it in place`,
  );
}

function checkForwardAnomaly(name: string, inputs: readonly Tensor[], out: Tensor): void {
  const bad = firstNonFinite(out._data);
  if (bad < 0) return;
  if (inputs.some((x) => firstNonFinite(x._data) >= 0)) return;
  throw new AnomalyError(
    `anomaly: ${name} produced ${out._data[bad]} at element ${bad} of its output (shape ${formatShape(out.shape)}) from finite inputs.\n${name} was called at:\n${captureStack()}`,
  );
}
