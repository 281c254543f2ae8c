import { ArgumentError } from "../errors.js";
import { describeValue } from "../shape.js";
import type { Tensor } from "../tensor/tensor.js";
import type { AnyOpDef } from "./define-op.js";

/** One op call as an observer sees it: the op's definition, its inputs, attributes and output. */
export interface OpCall {
  /** The op's definition (`def.name` is its name). */
  readonly def: AnyOpDef;
  /** The input tensors, in the op's order. */
  readonly inputs: readonly Tensor[];
  /** The op's attributes (an empty object for ops without any). */
  readonly attrs: unknown;
  /** The tensor the op returned. */
  readonly output: Tensor;
}

/** Called once per op call made while it observes (see `observeOps`). */
export type OpObserver = (call: OpCall) => void;

const observers: OpObserver[] = [];
// How many op forwards are running: ops called inside another op's forward (a user op written
// with tensor ops, prelu's where/mul) are that op's implementation, not calls of the program.
let forwardDepth = 0;

/**
 * Runs `fn` and reports to `observer` every op it calls, in order, after each op has computed
 * its output: what tracers (ONNX export), profilers and debuggers build on. Only the program's own
 * op calls are reported: ops that run inside another op's forward are not. Observers nest, and
 * one that throws aborts `fn` with its error.
 *
 * @example
 * const names: string[] = [];
 * observeOps((call) => names.push(call.def.name), () => tensor([1, 2]).mul(2).exp());
 * names; // ["mul", "exp"]
 */
export function observeOps<T>(observer: OpObserver, fn: () => T): T {
  if (typeof observer !== "function")
    throw new ArgumentError(
      `observeOps: observer must be a function, got ${describeValue(observer)}`,
    );
  if (typeof fn !== "function")
    throw new ArgumentError(`observeOps: fn must be a function, got ${describeValue(fn)}`);
  observers.push(observer);
  try {
    return fn();
  } finally {
    observers.splice(observers.lastIndexOf(observer), 1);
  }
}

/** Called by `defineOp` around an op's forward. */
export function enterOpForward(): void {
  forwardDepth++;
}

/** Called by `defineOp` when an op's forward has returned or thrown. */
export function exitOpForward(): void {
  forwardDepth--;
}

/** Whether an observer would see an op called now (in-place methods then run as ops). */
export function isObservingOps(): boolean {
  return observers.length > 0 && forwardDepth === 0;
}

/** Called by `defineOp` with each finished op call; reports it unless it ran inside another op. */
export function notifyOpObservers(
  def: AnyOpDef,
  inputs: readonly Tensor[],
  attrs: unknown,
  output: Tensor,
): void {
  if (observers.length === 0 || forwardDepth > 0) return;
  const call: OpCall = { def, inputs, attrs, output };
  for (const observer of [...observers]) observer(call);
}
