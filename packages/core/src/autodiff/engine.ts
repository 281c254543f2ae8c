import { collectOutputs, releaseOutput } from "../backend/buffer-pool.js";
import { allocate, type TypedArray } from "../dtype.js";
import { AnomalyError, DTypeError, FluxionError, GraphError, ShapeError } from "../errors.js";
import { optionsObject } from "../options.js";
import { isBuiltinOp } from "../registry.js";
import { formatShape, type Shape, shapesEqual } from "../shape.js";
import type { Node } from "../tensor/node.js";
import type { Storage } from "../tensor/storage.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";
import { firstNonFinite, isAnomalyEnabled, runRule } from "./anomaly.js";
import { setGradEnabled } from "./grad-mode.js";

/** Options of `Tensor.backward` (PyTorch's `retain_graph` and `create_graph`). */
export interface BackwardOptions {
  /** Keep the graph so backward can run through it again (default: `createGraph`). */
  retainGraph?: boolean;
  /** Record the backward pass itself, so gradients can be differentiated again (default false). */
  createGraph?: boolean;
}

interface GradientsOptions extends BackwardOptions {
  /** Return the gradients of these tensors instead of accumulating into leaves' `.grad`. */
  inputs?: readonly Tensor[];
}

/**
 * The backward walk. Sorts the graph below `roots` iteratively (no recursion, so chains 100,000
 * ops deep are fine), then visits it in reverse, calling each node's rule once with the summed
 * gradient of its output. Without `inputs`, gradients of leaves are added to their `.grad`; with
 * `inputs`, their gradients are returned and no `.grad` is touched.
 */
export function backward(
  roots: readonly Tensor[],
  rootGrads: readonly (TensorLike | undefined)[],
  given: GradientsOptions | null = {},
): Tensor[] {
  const options = optionsObject("backward", given);
  const createGraph = options.createGraph ?? false;
  const retainGraph = options.retainGraph ?? createGraph;
  const grads = new Map<Tensor, Tensor>();
  roots.forEach((root, i) => {
    const g = rootGradient(root, rootGrads[i]);
    const prev = grads.get(root);
    grads.set(root, prev ? prev.add(g) : g);
  });

  const order = topologicalOrder(roots);
  // Storages that a .grad or the caller already holds (see the NOTE below).
  const held = new Set<Storage>();
  for (const g of rootGrads) if (g instanceof Tensor) held.add(g._storage);
  const wanted = options.inputs ? new Set(options.inputs) : null;
  const captured = new Map<Tensor, Tensor>();
  // Without createGraph (no rule output joins a graph) and anomaly mode, dead arrays are reused.
  const reuse = createGraph || isAnomalyEnabled() ? null : new Reuse();
  for (const g of grads.values()) reuse?.hold(g);
  const prevMode = setGradEnabled(createGraph);
  try {
    for (const t of order.reverse()) {
      let g = grads.get(t);
      if (g === undefined) continue;
      grads.delete(t);
      reuse?.unhold(g);
      // A gradient that only broadcasts to t (sum's) is expanded here, unless it goes straight to
      // a rule that takes it as it is.
      if (!shapesEqual(g.shape, t.shape)) {
        const lazy =
          t._node?.broadcastGradient === true && !t._hooks && !t._retainsGrad && !wanted?.has(t);
        if (!lazy) g = expandGradient(g, t.shape, reuse);
      }
      if (t._hooks) {
        reuse?.escape(g);
        g = runHooks(t, g);
        reuse?.escape(g);
      }
      if (wanted) {
        if (wanted.has(t)) {
          captured.set(t, g);
          reuse?.escape(g);
        }
      } else if (t._node === null || t._retainsGrad) {
        // NOTE: a rule may pass one gradient to several inputs (add gives g to both), and the
        // user's own seed gradient may reach a leaf unchanged: a .grad never shares storage with
        // another .grad or with the seed, so an in-place update of one cannot change the other.
        if (t.grad === null && held.has(g._storage)) g = g.clone();
        held.add(g._storage);
        if (t.grad === null) {
          t.grad = g;
          reuse?.escape(g);
        } else {
          t.grad = t.grad.add(g);
          held.add(t.grad._storage);
          if (t._node === null) reuse?.release([g]);
          else reuse?.escape(g); // a retained non-leaf's g still goes on to its rule
        }
      }
      const node = t._node;
      if (node === null) continue;
      const inputs = node.inputs as readonly Tensor[];
      checkVersions(node, inputs);
      let inputGrads: readonly (Tensor | null | undefined)[];
      if (isAnomalyEnabled()) {
        inputGrads = runRule(() => node.backward(g, t, node));
        checkAnomaly(node, g, inputGrads);
      } else if (reuse && isBuiltinOp(node.name)) {
        // A built-in rule keeps nothing it does not return: every other array it made is dead.
        const [result, made] = collectOutputs(() => node.backward(g, t, node));
        inputGrads = result;
        reuse.adopt(made, result);
      } else {
        inputGrads = node.backward(g, t, node);
        reuse?.escape(g); // a user's rule may keep its gradient
      }
      const dead: Tensor[] = [g];
      for (const [i, x] of inputs.entries()) {
        const gi = inputGrads[i];
        if (!x._requiresGrad || gi === null || gi === undefined) continue;
        const prev = grads.get(x);
        if (prev === undefined) {
          grads.set(x, gi);
          reuse?.hold(gi);
        } else if (reuse) {
          reuse.unhold(prev);
          const [sum, made] = collectOutputs(() => prev.add(gi));
          reuse.adopt(made, [sum]);
          grads.set(x, sum);
          reuse.hold(sum);
          dead.push(prev, gi);
        } else grads.set(x, prev.add(gi));
      }
      // after the loop: a gradient given to several inputs is dead only once all hold it
      reuse?.release(dead);
      if (!retainGraph) {
        node.inputs = null;
        // What the forward saved dies with the graph; a built-in rule kept none of it elsewhere.
        if (node.saved && reuse && isBuiltinOp(node.name)) reuse.adopt([], inputGrads, node.saved);
        node.saved = null;
      }
    }
  } finally {
    setGradEnabled(prevMode);
  }
  return (options.inputs ?? []).map((x) => captured.get(x) ?? zerosLike(x));
}

function rootGradient(root: Tensor, gradient: TensorLike | undefined): Tensor {
  if (!root._requiresGrad) {
    const origin = root._nonDifferentiable;
    throw new GraphError(
      origin?.reason
        ? `backward: ${origin.op} is not differentiable: ${origin.reason}`
        : origin
          ? `backward: this tensor does not require grad: it was computed through ${origin.op}, which defines no gradient`
          : "backward: this tensor does not require grad (no input of the computation had requiresGrad set, or it ran inside noGrad)",
    );
  }
  if (gradient === undefined) {
    if (root.size !== 1) {
      throw new GraphError(
        `backward: a gradient can be created implicitly only for a one-element output, got shape ${formatShape(root.shape)}; pass a gradient of that shape`,
      );
    }
    const ones = allocate(root.dtype, 1);
    ones[0] = 1;
    return Tensor._fromData(ones, root.shape, root.dtype);
  }
  const g = gradient instanceof Tensor ? gradient : seedFrom(root, gradient);
  if (!shapesEqual(g.shape, root.shape)) {
    throw new ShapeError(
      `backward: gradient has shape ${formatShape(g.shape)} but the output has shape ${formatShape(root.shape)}`,
    );
  }
  return g.dtype === root.dtype ? g : g.to(root.dtype);
}

/** A non-tensor seed gradient (a number, nested array) as a tensor like `root`, broadcast. */
function seedFrom(root: Tensor, gradient: TensorLike): Tensor {
  try {
    return root.mul(0).add(gradient);
  } catch (e) {
    // the conversion error of `add` names add; the user called backward
    if (e instanceof FluxionError && e.message.startsWith("add: ")) {
      const Kind = e.constructor as new (message: string) => FluxionError;
      throw new Kind(`backward: gradient: ${e.message.slice(5)}`);
    }
    throw e;
  }
}

/** Post-order (inputs before outputs) of the tensors below `roots` that require grad. */
function topologicalOrder(roots: readonly Tensor[]): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>();
  // Each frame: a tensor and the index of its next input to visit.
  const stack: { t: Tensor; next: number }[] = [];
  for (const root of roots) {
    if (visited.has(root)) continue;
    visited.add(root);
    stack.push({ t: root, next: 0 });
    for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
      const t = frame.t;
      const node = t._node;
      if (node !== null && node.inputs === null) {
        throw new GraphError(
          `backward: trying to go through the graph a second time: the buffers of ${node.name} were freed by an earlier backward; pass { retainGraph: true } to the first backward if you need to go through it twice`,
        );
      }
      const inputs = node?.inputs ?? [];
      const x = inputs[frame.next];
      if (x !== undefined) {
        frame.next++;
        if (x._requiresGrad && !visited.has(x)) {
          visited.add(x);
          stack.push({ t: x, next: 0 });
        }
      } else {
        stack.pop();
        order.push(t);
      }
    }
  }
  return order;
}

function runHooks(t: Tensor, grad: Tensor): Tensor {
  let g = grad;
  for (const hook of [...(t._hooks ?? [])]) {
    const r: unknown = hook(g);
    if (r === undefined || r === null) continue;
    if (!(r instanceof Tensor)) {
      throw new GraphError(
        `registerHook: a hook must return a Tensor or undefined, got ${Array.isArray(r) ? "an array" : typeof r}`,
      );
    }
    if (!shapesEqual(r.shape, g.shape)) {
      throw new ShapeError(
        `registerHook: a hook returned a gradient of shape ${formatShape(r.shape)} for a tensor of shape ${formatShape(g.shape)}`,
      );
    }
    if (r.dtype !== g.dtype) {
      throw new DTypeError(
        `registerHook: a hook returned a ${r.dtype} gradient for a ${g.dtype} tensor of shape ${formatShape(g.shape)}; convert it with .to("${g.dtype}")`,
      );
    }
    g = r;
  }
  return g;
}

function checkVersions(node: Node, inputs: readonly Tensor[]): void {
  for (const [i, x] of inputs.entries()) {
    if (x._storage.version !== node.versions[i]) {
      throw new GraphError(
        `backward: input ${i} of ${node.name} (shape ${formatShape(x.shape)}) was modified in place after the op used it; its gradient would be wrong`,
      );
    }
  }
}

function checkAnomaly(
  node: Node,
  g: Tensor,
  inputGrads: readonly (Tensor | null | undefined)[],
): void {
  if (firstNonFinite(g._data) >= 0) return;
  inputGrads.forEach((gi, i) => {
    if (!gi) return;
    const bad = firstNonFinite(gi._data);
    if (bad >= 0) {
      throw new AnomalyError(
        `anomaly: the backward of ${node.name} produced ${gi._data[bad]} in the gradient of input ${i} (element ${bad}) from a finite incoming gradient.\n${node.name} was created at:\n${node.stack ?? "(unknown)"}`,
      );
    }
  });
}

/**
 * g expanded to `shape` (it broadcasts to it): an array this pass owns, so backward can reuse it
 * once the rule that consumes it has run.
 */
function expandGradient(g: Tensor, shape: Shape, reuse: Reuse | null): Tensor {
  const [full, made] = collectOutputs(() => g.expand(shape));
  reuse?.adopt(made, [full]);
  return full;
}

function zerosLike(x: Tensor): Tensor {
  return Tensor._fromData(allocate(x.dtype, x.size), x.shape, x.dtype);
}

/**
 * Which arrays of one backward pass are dead, so that later kernel outputs reuse them instead of
 * allocating (backend/buffer-pool.ts). An array is released only when all of these hold: a kernel
 * made it during this pass, inside a built-in rule or a gradient sum (`adopt`); it never reached
 * user code (a .grad, a hook, a captured input gradient or a user rule: `escape`); and no pending
 * gradient of a tensor still to visit refers to it (`hold`/`unhold`). Arrays are compared by
 * identity: a view (reshape) shares its source's storage and so its array, and no op makes a view
 * of part of an array (and reading `.buffer` of a small typed array would allocate one).
 */
class Reuse {
  private readonly owned = new Set<TypedArray>();
  private readonly pending = new Map<TypedArray, number>();

  hold(t: Tensor): void {
    const b = t._data;
    this.pending.set(b, (this.pending.get(b) ?? 0) + 1);
  }

  unhold(t: Tensor): void {
    const b = t._data;
    const n = (this.pending.get(b) ?? 0) - 1;
    if (n > 0) this.pending.set(b, n);
    else this.pending.delete(b);
  }

  /** `t` is visible to user code from now on: its array is never released. */
  escape(t: Tensor): void {
    this.owned.delete(t._data);
  }

  /**
   * Takes the arrays kernels made for a rule (or a sum), and what the rule's forward saved for it:
   * those behind a returned gradient are owned from now on; the others are dead now.
   */
  adopt(
    made: readonly (Float32Array | Float64Array)[],
    kept: readonly (Tensor | null | undefined)[],
    saved: readonly Tensor[] = [],
  ) {
    for (const a of made) this.take(a, kept);
    for (const t of saved) this.take(t._data, kept);
  }

  private take(a: TypedArray, kept: readonly (Tensor | null | undefined)[]): void {
    if (kept.some((t) => t?._data === a)) this.owned.add(a);
    else if (a instanceof Float32Array || a instanceof Float64Array) releaseOutput(a);
  }

  /** Releases the arrays of `tensors` that this pass owns and no pending gradient refers to. */
  release(tensors: readonly Tensor[]): void {
    for (const t of tensors) {
      const a = t._data;
      if (this.pending.has(a) || !this.owned.delete(a)) continue;
      if (a instanceof Float32Array || a instanceof Float64Array) releaseOutput(a);
    }
  }
}
