/** Shared pieces of the activation ops: dtype rule, axis and shape checks, fused-kernel op builders. */
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
  const d = inputs[0]?.dtype ?? "float32";
  return d === "int32" ? "float32" : d;
}

/** `[2, 3]` as "[2, 3]" for messages. */
export function fmt(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
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

/** The two inputs of a backward op, or a ShapeError naming the op when they differ in shape. */
export function samePair(
  op: string,
  inputs: readonly Tensor[],
  names: readonly [string, string],
): [Tensor, Tensor] {
  const [a, b] = inputs;
  if (a === undefined || b === undefined)
    throw new ArgumentError(`${op}: needs two inputs (${names[0]}, ${names[1]})`);
  if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) {
    throw new ShapeError(
      `${op}: ${names[0]} has shape ${fmt(a.shape)} but ${names[1]} has shape ${fmt(b.shape)}; they must be equal`,
    );
  }
  return [a, b];
}

/** The one input of an elementwise op. */
export function only(op: string, inputs: readonly Tensor[]): Tensor {
  const x = inputs[0];
  if (x === undefined) throw new ArgumentError(`${op}: needs one input`);
  return x;
}

interface BackwardSpec<P> {
  /** Registry name, `<activation>Backward`. */
  name: string;
  kernel: ActivationKernel;
  /** h ⊙ g ⊙ f''(x) in tensor ops (hg = h ⊙ g); `self` is the backward op, for f'-shaped terms. */
  second: (hg: Tensor, x: Tensor, params: P, self: Op<P>) => Tensor;
}

/**
 * The backward op of a fused activation: (g, x) ↦ g ⊙ f'(x) in one kernel pass, its attributes the
 * kernel's parameters. It is itself differentiable, so gradients of gradients work: its vjp is
 * (h ⊙ f'(x), h ⊙ g ⊙ f''(x)).
 */
export function defineActivationBackward<P extends readonly number[]>(
  spec: BackwardSpec<P>,
): Op<P> {
  const self: Op<P> = defineOp<P>({
    name: spec.name,
    shape: (inputs) => samePair(spec.name, inputs, ["gradient", "input"])[1].shape,
    forward: (be, inputs, params, out) => {
      const [g, x] = samePair(spec.name, inputs, ["gradient", "input"]);
      return be.activationGrad(spec.kernel, g._data, x._data, params, out.dtype);
    },
    // ∂(g f'(x))/∂g = f'(x), ∂(g f'(x))/∂x = g f''(x)
    vjp: (h, { inputs, attrs, needsInputGrad: [ng, nx] }) => {
      const [g, x] = samePair(spec.name, inputs, ["gradient", "input"]);
      return [ng ? self([h, x], attrs) : null, nx ? spec.second(h.mul(g), x, attrs, self) : null];
    },
  });
  return self;
}

interface FusedSpec<P> {
  name: string;
  kernel: ActivationKernel;
  /** (g, x) ↦ g ⊙ f'(x). */
  backward: Op<P>;
}

/** An elementwise activation running one fused backend kernel forward and its backward op. */
export function defineFusedActivation<P extends readonly number[]>(spec: FusedSpec<P>): Op<P> {
  return defineOp<P>({
    name: spec.name,
    shape: (inputs) => only(spec.name, inputs).shape,
    dtype: floatDType,
    forward: (be, inputs, params, out) =>
      be.activation(spec.kernel, only(spec.name, inputs)._data, params, out.dtype),
    // f'(x) from the saved input (not the output: y loses f' where f saturates)
    vjp: (g, { inputs, attrs }) => [spec.backward([g, only(spec.name, inputs)], attrs)],
  });
}

/** The two inputs of an op of two inputs of any shapes. */
export function pair(op: string, inputs: readonly Tensor[]): [Tensor, Tensor] {
  const [a, b] = inputs;
  if (a === undefined || b === undefined) throw new ArgumentError(`${op}: needs two inputs`);
  return [a, b];
}
