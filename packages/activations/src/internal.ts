/** Shared pieces of the activation ops: axis and shape checks, fused-kernel op builders. */
import {
  type ActivationKernel,
  ArgumentError,
  defineOp,
  floatDType,
  formatShape,
  type Op,
  type Shape,
  ShapeError,
  type Tensor,
} from "@fluxion/core";

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

/** The shape of b, or a ShapeError naming the op when a and b differ in shape. */
export function sameShape(
  op: string,
  a: { readonly shape: Shape },
  b: { readonly shape: Shape },
  names: readonly [string, string],
): Shape {
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) {
    throw new ShapeError(
      `${op}: ${names[0]} has shape ${formatShape(a.shape)} but ${names[1]} has shape ${formatShape(b.shape)}; they must be equal`,
    );
  }
  return b.shape;
}

/**
 * The inputs of an activation's backward op: the gradient g, the input x, and optionally f'(x) as
 * the forward saved it (then the op multiplies by it instead of computing f' again, and g may be a
 * single value for every element: a sum's gradient).
 */
export type BackwardInputs = [g: Tensor, x: Tensor] | [g: Tensor, x: Tensor, derivative: Tensor];

/** An activation's backward op: (g, x[, f'(x)]) ↦ g ⊙ f'(x). */
export type BackwardOp<P> = Op<BackwardInputs, P>;

interface BackwardSpec<P> {
  /** Registry name, `<activation>Backward`. */
  name: string;
  kernel: ActivationKernel;
  /** h ⊙ g ⊙ f''(x) in tensor ops (hg = h ⊙ g); `self` is the backward op, for f'-shaped terms. */
  second: (hg: Tensor, x: Tensor, params: P, self: BackwardOp<P>) => Tensor;
}

/**
 * The backward op of a fused activation: (g, x) ↦ g ⊙ f'(x) in one kernel pass, its attributes the
 * kernel's parameters; given f'(x) as a third input (saved by the forward), g ⊙ f'(x) is one
 * multiply. It is itself differentiable, so gradients of gradients work: its vjp is
 * (h ⊙ f'(x), h ⊙ g ⊙ f''(x)), and the saved derivative, a function of x, gets none of its own.
 */
export function defineActivationBackward<P extends readonly number[]>(
  spec: BackwardSpec<P>,
): BackwardOp<P> {
  const self: BackwardOp<P> = defineOp<BackwardInputs, P>({
    name: spec.name,
    shape: ([g, x, d]) => {
      if (!d) return sameShape(spec.name, g, x, ["gradient", "input"]);
      sameShape(spec.name, d, x, ["saved derivative", "input"]);
      return g.size === 1 ? x.shape : sameShape(spec.name, g, x, ["gradient", "input"]);
    },
    forward: (be, [g, x, d], params, out) =>
      d
        ? be.activationGradSaved(g.data, d.data, out.dtype)
        : be.activationGrad(spec.kernel, g.data, x.data, params, out.dtype),
    // ∂(g f'(x))/∂g = f'(x), ∂(g f'(x))/∂x = g f''(x)
    vjp: (h, { inputs: [g, x, d], attrs, needsInputGrad: [ng, nx] }) => {
      const gradG = ng ? self(d ? [h, x, d] : [h, x], attrs) : null;
      const gradX = nx ? spec.second(h.mul(g), x, attrs, self) : null;
      return d ? [gradG, gradX, null] : [gradG, gradX];
    },
  });
  return self;
}

interface FusedSpec<P> {
  name: string;
  kernel: ActivationKernel;
  /** (g, x) ↦ g ⊙ f'(x). */
  backward: BackwardOp<P>;
}

/** An elementwise activation running one fused backend kernel forward and its backward op. */
export function defineFusedActivation<P extends readonly number[]>(
  spec: FusedSpec<P>,
): Op<[Tensor], P> {
  return defineOp<[Tensor], P>({
    name: spec.name,
    shape: ([x]) => x.shape,
    dtype: floatDType,
    forward: (be, [x], params, out) => be.activation(spec.kernel, x.data, params, out.dtype),
    // f'(x) from the saved input (not the output: y loses f' where f saturates)
    vjp: (g, { inputs: [x], attrs }) => [spec.backward([g, x], attrs)],
  });
}
