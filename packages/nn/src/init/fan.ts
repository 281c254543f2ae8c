import { ArgumentError, formatShape, type Tensor } from "@fluxion/core";

/** Which fan an initialiser scales by: inputs (preserves forward variance) or outputs (backward). */
export type FanMode = "fanIn" | "fanOut";

/**
 * PyTorch's fan-in and fan-out of a weight of shape [out, in, ...kernel]: in·k and out·k with k the
 * kernel's size. Needs at least two dimensions.
 *
 * @example
 * calculateFanInAndFanOut(zeros([3, 5])); // { fanIn: 5, fanOut: 3 }
 */
export function calculateFanInAndFanOut(
  t: Tensor,
  op = "calculateFanInAndFanOut",
): { fanIn: number; fanOut: number } {
  if (t.ndim < 2)
    throw new ArgumentError(
      `${op}: fan in and fan out need a tensor with at least 2 dimensions, got shape ${formatShape(t.shape)}`,
    );
  let receptive = 1;
  for (const d of t.shape.slice(2)) receptive *= d;
  return {
    fanIn: (t.shape[1] as number) * receptive,
    fanOut: (t.shape[0] as number) * receptive,
  };
}

/** The fan `mode` picks. */
export function fanOf(t: Tensor, mode: FanMode, op: string): number {
  if (mode !== "fanIn" && mode !== "fanOut")
    throw new ArgumentError(`${op}: mode must be "fanIn" or "fanOut", got ${String(mode)}`);
  const { fanIn, fanOut } = calculateFanInAndFanOut(t, op);
  return mode === "fanIn" ? fanIn : fanOut;
}
