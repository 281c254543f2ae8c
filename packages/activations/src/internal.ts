/** Shared pieces of the activation ops: dtype rules, argument checks, fused-kernel op builders. */
import {
  type ActivationKernel,
  ArgumentError,
  type DType,
  defineOp,
  type Op,
  ShapeError,
  type Tensor,
} from "@fluxion/core";

/** The input's float dtype; int32 inputs give float32 (as core's exp does). */
export function floatDType(inputs: readonly Tensor[]): DType {
  const d = (inputs[0] as Tensor).dtype;
  return d === "int32" ? "float32" : d;
}

/** A finite number option, or an ArgumentError naming the op and the option. */
export function finiteOption(op: string, name: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ArgumentError(
      `${op}: ${name} must be a finite number, got ${typeof value === "string" ? JSON.stringify(value) : String(value)}`,
    );
  }
  return value;
}

/** A boolean option (a string such as "false" is an error, not a truthy value). */
export function booleanOption(op: string, name: string, value: unknown): boolean {
  if (typeof value !== "boolean") {
    throw new ArgumentError(
      `${op}: ${name} must be true or false, got ${typeof value === "string" ? JSON.stringify(value) : String(value)}`,
    );
  }
  return value;
}

/** A positive finite number option. */
export function positiveOption(op: string, name: string, value: number): number {
  finiteOption(op, name, value);
  if (!(value > 0)) throw new ArgumentError(`${op}: ${name} must be positive, got ${value}`);
  return value;
}

/** A possibly negative axis resolved against the rank of x (which must have an axis). */
export function resolveAxis(op: string, x: Tensor, axis: number): number {
  const rank = x.ndim;
  if (rank === 0) {
    throw new ShapeError(`${op}: needs a tensor with at least one axis, got a scalar (shape [])`);
  }
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new ArgumentError(
      `${op}: axis ${axis} is out of range for a tensor of rank ${rank} (expected an integer in [${-rank}, ${rank - 1}])`,
    );
  }
  return axis < 0 ? axis + rank : axis;
}

/** Throws unless a and b have the same shape (the gradient and input of a backward op). */
export function sameShape(op: string, a: Tensor, b: Tensor, names: [string, string]): number[] {
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) {
    throw new ShapeError(
      `${op}: ${names[0]} has shape [${a.shape.join(", ")}] but ${names[1]} has shape [${b.shape.join(", ")}]; they must be equal`,
    );
  }
  return [...b.shape];
}

interface BackwardSpec<B> {
  /** Registry name, `<activation>Backward`. */
  name: string;
  kernel: (attrs: B) => ActivationKernel;
  params: (attrs: B) => number[];
  /**
   * h ⊙ g ⊙ f''(x) written in tensor ops, where h is the cotangent of this backward op and g its
   * incoming gradient (passed premultiplied as hg). `self` is the backward op, for f'-shaped terms.
   */
  second: (hg: Tensor, x: Tensor, attrs: B, self: Op<[Tensor, Tensor], B>) => Tensor;
}

/**
 * The backward op of a fused activation: (g, x) ↦ g ⊙ f'(x) in one kernel pass. It is itself a
 * differentiable op, so gradients of gradients work: its vjp is (h ⊙ f'(x), h ⊙ g ⊙ f''(x)).
 */
export function defineActivationBackward<B>(spec: BackwardSpec<B>): Op<[Tensor, Tensor], B> {
  const self: Op<[Tensor, Tensor], B> = defineOp<[Tensor, Tensor], B>({
    name: spec.name,
    shape: ([g, x]) => sameShape(spec.name, g as Tensor, x as Tensor, ["gradient", "input"]),
    forward: (be, [g, x], attrs, out) =>
      be.activationGrad(spec.kernel(attrs), g.data, x.data, spec.params(attrs), out.dtype),
    // ∂(g f'(x))/∂g = f'(x), ∂(g f'(x))/∂x = g f''(x)
    vjp: (h, { inputs: [g, x], attrs, needsInputGrad: [ng, nx] }) => [
      ng ? self([h, x as Tensor], attrs) : null,
      nx ? spec.second(h.mul(g), x as Tensor, attrs, self) : null,
    ],
  });
  return self;
}

interface ActivationSpec<A> {
  name: string;
  kernel: (attrs: A) => ActivationKernel;
  params: (attrs: A) => number[];
  /** g ⊙ f'(x), through the activation's backward op. */
  backward: (g: Tensor, x: Tensor, attrs: A) => Tensor;
}

/** An elementwise activation running one fused backend kernel forward and one backward. */
export function defineFusedActivation<A>(spec: ActivationSpec<A>): Op<[Tensor], A> {
  return defineOp<[Tensor], A>({
    name: spec.name,
    shape: ([x]) => x.shape,
    dtype: floatDType,
    forward: (be, [x], attrs, out) =>
      be.activation(spec.kernel(attrs), x.data, spec.params(attrs), out.dtype),
    // f'(x) from the saved input (not the output: y loses f' where f saturates)
    vjp: (g, { inputs: [x], attrs }) => [spec.backward(g, x as Tensor, attrs)],
  });
}
