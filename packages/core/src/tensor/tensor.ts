import type { DType, TypedArray } from "../dtype.js";
import { isFloat } from "../dtype.js";
import { ArgumentError, GraphError, ShapeError } from "../errors.js";
import type { Shape } from "../shape.js";
import { formatShape, sizeOf } from "../shape.js";
import type { TensorMethods } from "../tensor-methods.js";
import { formatTensor } from "./format.js";
import { type NestedArray, toNested } from "./nested.js";
import type { Node } from "./node.js";
import type { Storage } from "./storage.js";

/** Anything an op accepts where a tensor is expected: numbers become tensors of the other side's dtype. */
export type TensorLike = Tensor | number | NestedArray | TypedArray;

/** A gradient hook: sees the gradient flowing into a tensor and may return a replacement. */
export type GradHook = (grad: Tensor) => Tensor | undefined;

let nextId = 0;

// The class holds a tensor's data and its place in the graph, nothing else. Its methods (`add`,
// `sum`, `backward`, …) are installed on the prototype by ../tensor-methods.ts, which the package
// entry imports; the interface below (declaration merging) gives them their types. This file
// imports no op and no part of autodiff (type-only imports vanish at run time), so the ops import
// `Tensor` without a module cycle.

export interface Tensor extends TensorMethods {}

/**
 * An n-dimensional array of float32, float64 or int32 values that records the ops applied to it
 * when it requires grad. Tensors are immutable values (apart from the explicit in-place methods
 * ending in `_`) and are garbage-collected like any JS object: nothing needs disposing.
 *
 * @example
 * const x = tensor([[1, 2], [3, 4]], { requiresGrad: true });
 * x.mul(x).sum().backward();
 * x.grad?.toArray(); // [[2, 4], [6, 8]]
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: see the interface above
export class Tensor {
  /** Dimensions, outermost first; `[]` for a scalar. */
  readonly shape: Shape;
  /** Element type: `"float32"`, `"float64"` or `"int32"`. */
  readonly dtype: DType;
  /** A number unique to this tensor, for debugging and display. */
  readonly id: number;
  /** Accumulated gradient, filled by `backward` on leaves (and on tensors that `retainGrad()`). */
  grad: Tensor | null = null;
  /** An optional label shown by `toString`. */
  name: string | undefined;
  /** @internal */
  _storage: Storage;
  /** @internal The op that made this tensor, or null for a leaf. */
  _node: Node | null;
  /** @internal */
  _requiresGrad: boolean;
  /** @internal */
  _hooks: GradHook[] | null = null;
  /** @internal */
  _retainsGrad = false;
  /** @internal The non-differentiable op that made this from a tensor that required grad. */
  _nonDifferentiable: { readonly op: string; readonly reason: string | undefined } | undefined;

  /** @internal Use `tensor()`, `zeros()` and friends to create tensors. */
  constructor(storage: Storage, shape: Shape, dtype: DType, node: Node | null = null) {
    if (
      typeof storage !== "object" ||
      storage === null ||
      !ArrayBuffer.isView(storage.data) ||
      !Array.isArray(shape)
    ) {
      throw new ArgumentError(
        "Tensor: the constructor is internal; create tensors with tensor(), zeros(), randn() and the like",
      );
    }
    this._storage = storage;
    this.shape = shape;
    this.dtype = dtype;
    this._node = node;
    this._requiresGrad = node !== null;
    this.id = nextId++;
  }

  /** @internal A tensor over a fresh storage. */
  static _fromData(data: TypedArray, shape: Shape, dtype: DType, node: Node | null = null): Tensor {
    return new Tensor({ data, version: 0 }, shape, dtype, node);
  }

  /** @internal The raw storage array (shared, never to be written). */
  get _data(): TypedArray {
    return this._storage.data;
  }

  /** Number of elements. */
  get size(): number {
    return sizeOf(this.shape);
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Whether ops on this tensor are recorded for backward. Settable on leaves only. */
  get requiresGrad(): boolean {
    return this._requiresGrad;
  }

  set requiresGrad(value: boolean) {
    if (this._node !== null) {
      throw new GraphError(
        `requiresGrad: can only be set on leaf tensors; this one was produced by ${this._node.name} (use detach() for a leaf copy)`,
      );
    }
    if (value && !isFloat(this.dtype)) {
      throw new GraphError(
        `requiresGrad: only floating-point tensors can require grad, got ${this.dtype}`,
      );
    }
    this._requiresGrad = value;
  }

  /**
   * Sets `requiresGrad` in place and returns this tensor, like PyTorch's `requires_grad_()`.
   *
   * @example
   * const w = randn([3, 2]).requiresGrad_();
   */
  requiresGrad_(value = true): this {
    this.requiresGrad = value;
    return this;
  }

  /** True for tensors created by the user rather than by an op that recorded a node. */
  get isLeaf(): boolean {
    return this._node === null;
  }

  /** Name of the op that produced this tensor, or undefined for a leaf. */
  get gradFn(): string | undefined {
    return this._node?.name;
  }

  // ---------------------------------------------------------------- reading back

  /**
   * The single value of a one-element tensor.
   *
   * @example
   * tensor([[3]]).item(); // 3
   */
  item(): number {
    if (this.size !== 1) {
      throw new ShapeError(
        `item: only a tensor with one element has an item, got shape ${formatShape(this.shape)}`,
      );
    }
    const [value = Number.NaN] = this._data;
    return value;
  }

  /**
   * The values as nested arrays (a number for a scalar).
   *
   * @example
   * zeros([2, 2]).toArray(); // [[0, 0], [0, 0]]
   */
  toArray(): NestedArray | number {
    return toNested(this._data, this.shape);
  }

  /**
   * A copy of the values as a flat typed array in row-major order.
   *
   * @example
   * tensor([1, 2], { dtype: "float64" }).data(); // Float64Array [1, 2]
   */
  data(): TypedArray {
    return this._data.slice();
  }

  /**
   * A readable rendering, like PyTorch's: values (summarised above 1000 elements), then dtype and
   * grad information.
   *
   * @example
   * String(tensor([1, 2], { requiresGrad: true }));
   * // tensor([1.0000, 2.0000], dtype=float32, requiresGrad=true)
   */
  toString(): string {
    return formatTensor(this);
  }

  /** Node's `console.log` and `util.inspect` print `toString()` rather than the internals. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return formatTensor(this);
  }

  // ---------------------------------------------------------------- autodiff

  /**
   * A tensor sharing this one's values, cut from the graph (a leaf that does not require grad).
   *
   * @example
   * const target = prediction.detach();
   */
  detach(): Tensor {
    return new Tensor(this._storage, this.shape, this.dtype, null);
  }

  /** Keeps `.grad` for this non-leaf tensor during backward. */
  retainGrad(): this {
    if (!this._requiresGrad) throw new GraphError("retainGrad: this tensor does not require grad");
    this._retainsGrad = true;
    return this;
  }

  /**
   * Registers a hook called with the gradient flowing into this tensor during backward; returning a
   * tensor replaces the gradient. Returns a handle whose `remove()` unregisters it.
   *
   * @example
   * const h = x.registerHook((g) => g.clamp(-1, 1)); // gradient clipping for x
   * h.remove();
   */
  registerHook(hook: GradHook): { remove(): void } {
    if (typeof hook !== "function") {
      throw new ArgumentError(`registerHook: hook must be a function, got ${typeof hook}`);
    }
    if (!this._requiresGrad) {
      throw new GraphError(
        "registerHook: cannot register a hook on a tensor that does not require grad",
      );
    }
    if (this._hooks === null) this._hooks = [];
    this._hooks.push(hook);
    return {
      remove: () => {
        const i = this._hooks?.indexOf(hook) ?? -1;
        if (i >= 0) this._hooks?.splice(i, 1);
      },
    };
  }
}
