import { type BackwardOptions, backward as runBackward } from "../autodiff/engine.js";
import { isGradEnabled, noGrad } from "../autodiff/grad-mode.js";
import type { DType, TypedArray } from "../dtype.js";
import { isFloat } from "../dtype.js";
import { ArgumentError, DTypeError, GraphError, ShapeError } from "../errors.js";
import { isInt32Value } from "../ops/convert.js";
import * as ops from "../ops/index.js";
import type { Shape } from "../shape.js";
import { fmt, shapesEqual, sizeOf } from "../shape.js";
import { formatTensor } from "./format.js";
import { type NestedArray, toNested } from "./nested.js";
import type { Node } from "./node.js";
import type { Storage } from "./storage.js";

/** Anything an op accepts where a tensor is expected: numbers become tensors of the other side's dtype. */
export type TensorLike = Tensor | number | NestedArray | TypedArray;

/** A gradient hook: sees the gradient flowing into a tensor and may return a replacement. */
export type GradHook = (grad: Tensor) => Tensor | undefined;

let nextId = 0;

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
export class Tensor {
  /** Dimensions, outermost first; `[]` for a scalar. */
  readonly shape: Shape;
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
        `item: only a tensor with one element has an item, got shape ${fmt(this.shape)}`,
      );
    }
    return this._data[0] as number;
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

  /** A readable rendering, like PyTorch's: values, then dtype and grad information. */
  toString(): string {
    return formatTensor(this);
  }

  // ---------------------------------------------------------------- autodiff

  /**
   * Computes gradients of this tensor with respect to every leaf that requires grad and adds them to
   * their `.grad`. A non-scalar tensor needs an explicit `gradient` of its shape.
   *
   * @example
   * const x = tensor([1, 2, 3], { requiresGrad: true });
   * x.pow(2).sum().backward();
   * x.grad?.toArray(); // [2, 4, 6]
   */
  backward(gradient?: TensorLike, options: BackwardOptions = {}): void {
    runBackward([this], gradient === undefined ? [undefined] : [gradient], options);
  }

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
      throw new ArgumentError(`registerHook: hook must be a function, got ${describe(hook)}`);
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

  // ---------------------------------------------------------------- in-place updates

  /** @internal Writes `values` (already of this shape) into this tensor's storage. */
  private writeInPlace(op: string, values: Tensor, cast = false): this {
    if (this._requiresGrad && isGradEnabled()) {
      throw new GraphError(
        `${op}: a tensor that requires grad cannot be modified in place while grad is recorded; wrap the update in noGrad(() => …)`,
      );
    }
    if (!shapesEqual(values.shape, this.shape)) {
      throw new ShapeError(
        `${op}: the result has shape ${fmt(values.shape)} but this tensor has shape ${fmt(this.shape)}`,
      );
    }
    if (!cast && this.dtype === "int32" && values.dtype !== "int32") {
      throw new DTypeError(
        `${op}: the result has dtype ${values.dtype}, which cannot be stored in this int32 tensor (shape ${fmt(this.shape)}) in place; use the out-of-place ${op.slice(0, -1)} or convert first with .to("${values.dtype}")`,
      );
    }
    const data = this._storage.data;
    if (this.dtype === "int32")
      for (let i = 0; i < data.length; i++) data[i] = Math.trunc(values._data[i] as number);
    else data.set(values._data);
    this._storage.version++;
    return this;
  }

  /**
   * Copies `src` (broadcast to this shape) into this tensor, in place.
   *
   * @example
   * noGrad(() => w.copy_(savedW));
   */
  copy_(src: TensorLike): this {
    const s = ops.asTensor(src, this.dtype);
    const lead = this.ndim - s.ndim;
    if (lead < 0 || s.shape.some((d, i) => d !== 1 && d !== this.shape[lead + i])) {
      throw new ShapeError(
        `copy_: src of shape ${fmt(s.shape)} does not broadcast to this tensor's shape ${fmt(this.shape)}`,
      );
    }
    return this.writeInPlace(
      "copy_",
      noGrad(() => ops.expand(s, this.shape)),
      true,
    );
  }

  /** In place: this + other·alpha. */
  add_(other: TensorLike, alpha = 1): this {
    return this.writeInPlace(
      "add_",
      noGrad(() => this.add(alpha === 1 ? other : ops.mul(other, alpha))),
    );
  }

  /** In place: this − other·alpha. */
  sub_(other: TensorLike, alpha = 1): this {
    return this.writeInPlace(
      "sub_",
      noGrad(() => this.sub(alpha === 1 ? other : ops.mul(other, alpha))),
    );
  }

  /** In place: this · other. */
  mul_(other: TensorLike): this {
    return this.writeInPlace(
      "mul_",
      noGrad(() => this.mul(other)),
    );
  }

  /** In place: this / other. */
  div_(other: TensorLike): this {
    return this.writeInPlace(
      "div_",
      noGrad(() => this.div(other)),
    );
  }

  /** In place: every element set to `value`. */
  fill_(value: number): this {
    if (typeof value !== "number") {
      throw new ArgumentError(`fill_: value must be a number, got ${describe(value)}`);
    }
    if (this.dtype === "int32" && !isInt32Value(value)) {
      throw new DTypeError(
        `fill_: value ${value} is not a 32-bit integer, so it cannot be stored in this int32 tensor`,
      );
    }
    if (this._requiresGrad && isGradEnabled()) {
      throw new GraphError(
        "fill_: a tensor that requires grad cannot be modified in place while grad is recorded",
      );
    }
    this._storage.data.fill(value);
    this._storage.version++;
    return this;
  }

  /** In place: every element set to 0. */
  zero_(): this {
    return this.fill_(0);
  }

  // ---------------------------------------------------------------- dtype

  /**
   * This tensor converted to `dtype` (the same tensor when it already has it). Differentiable
   * between float dtypes.
   *
   * @example
   * x.to("float64");
   */
  to(dtype: DType): Tensor {
    return ops.cast(this, dtype);
  }
  /** `to("float32")`. */
  float(): Tensor {
    return ops.cast(this, "float32");
  }
  /** `to("float64")`. */
  double(): Tensor {
    return ops.cast(this, "float64");
  }
  /** `to("int32")` (truncates towards zero). */
  int(): Tensor {
    return ops.cast(this, "int32");
  }

  // ---------------------------------------------------------------- chained ops (see each op's TSDoc)

  add(other: TensorLike): Tensor {
    return ops.add(this, other);
  }
  sub(other: TensorLike): Tensor {
    return ops.sub(this, other);
  }
  mul(other: TensorLike): Tensor {
    return ops.mul(this, other);
  }
  div(other: TensorLike): Tensor {
    return ops.div(this, other);
  }
  pow(exponent: TensorLike): Tensor {
    return ops.pow(this, exponent);
  }
  neg(): Tensor {
    return ops.neg(this);
  }
  clone(): Tensor {
    return ops.clone(this);
  }
  exp(): Tensor {
    return ops.exp(this);
  }
  log(): Tensor {
    return ops.log(this);
  }
  log1p(): Tensor {
    return ops.log1p(this);
  }
  expm1(): Tensor {
    return ops.expm1(this);
  }
  sqrt(): Tensor {
    return ops.sqrt(this);
  }
  abs(): Tensor {
    return ops.abs(this);
  }
  sign(): Tensor {
    return ops.sign(this);
  }
  clamp(min?: number, max?: number): Tensor {
    return ops.clamp(this, min, max);
  }
  maximum(other: TensorLike): Tensor {
    return ops.maximum(this, other);
  }
  minimum(other: TensorLike): Tensor {
    return ops.minimum(this, other);
  }
  eq(other: TensorLike): Tensor {
    return ops.eq(this, other);
  }
  ne(other: TensorLike): Tensor {
    return ops.ne(this, other);
  }
  lt(other: TensorLike): Tensor {
    return ops.lt(this, other);
  }
  le(other: TensorLike): Tensor {
    return ops.le(this, other);
  }
  gt(other: TensorLike): Tensor {
    return ops.gt(this, other);
  }
  ge(other: TensorLike): Tensor {
    return ops.ge(this, other);
  }
  sum(axes?: number | readonly number[], keepDims = false): Tensor {
    return ops.sum(this, axes, keepDims);
  }
  mean(axes?: number | readonly number[], keepDims = false): Tensor {
    return ops.mean(this, axes, keepDims);
  }
  max(axes?: number | readonly number[], keepDims = false): Tensor {
    return ops.max(this, axes, keepDims);
  }
  min(axes?: number | readonly number[], keepDims = false): Tensor {
    return ops.min(this, axes, keepDims);
  }
  logSumExp(axes?: number | readonly number[], keepDims = false): Tensor {
    return ops.logSumExp(this, axes, keepDims);
  }
  var(axes?: number | readonly number[], options?: ops.VarOptions): Tensor {
    return ops.variance(this, axes, options);
  }
  std(axes?: number | readonly number[], options?: ops.VarOptions): Tensor {
    return ops.std(this, axes, options);
  }
  argmax(axis?: number, keepDims = false): Tensor {
    return ops.argmax(this, axis, keepDims);
  }
  argmin(axis?: number, keepDims = false): Tensor {
    return ops.argmin(this, axis, keepDims);
  }
  matmul(other: TensorLike, options?: ops.MatmulOptions): Tensor {
    return ops.matmul(this, other, options);
  }
  reshape(shape: readonly number[]): Tensor {
    return ops.reshape(this, shape);
  }
  /** Alias of `reshape` (tensors here are always contiguous). */
  view(shape: readonly number[]): Tensor {
    return ops.reshape(this, shape);
  }
  flatten(startAxis = 0, endAxis = -1): Tensor {
    return ops.flatten(this, startAxis, endAxis);
  }
  transpose(axis0 = -2, axis1 = -1): Tensor {
    return ops.transpose(this, axis0, axis1);
  }
  /** Transpose of a matrix (rank ≤ 2), like PyTorch's `.T` for matrices. */
  get T(): Tensor {
    if (this.ndim > 2)
      throw new ShapeError(
        `T: only defined for rank ≤ 2, got shape ${fmt(this.shape)}; use permute`,
      );
    return this.ndim < 2 ? this : ops.transpose(this, 0, 1);
  }
  permute(perm: readonly number[]): Tensor {
    return ops.permute(this, perm);
  }
  expand(shape: readonly number[]): Tensor {
    return ops.expand(this, shape);
  }
  squeeze(axes?: number | readonly number[]): Tensor {
    return ops.squeeze(this, axes);
  }
  unsqueeze(axis: number): Tensor {
    return ops.unsqueeze(this, axis);
  }
  slice(ranges: readonly ops.SliceRange[]): Tensor {
    return ops.slice(this, ranges);
  }
  gather(axis: number, index: Tensor): Tensor {
    return ops.gather(this, axis, index);
  }
  indexSelect(axis: number, index: Tensor): Tensor {
    return ops.indexSelect(this, axis, index);
  }
  where(condition: TensorLike, other: TensorLike): Tensor {
    return ops.where(condition, this, other);
  }
}

/** Throws unless `value` is a Tensor; `op` and `arg` name the caller. */
export function assertTensor(op: string, arg: string, value: unknown): asserts value is Tensor {
  if (!(value instanceof Tensor))
    throw new ArgumentError(`${op}: ${arg} must be a Tensor, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}
