import type { Tensor } from "@fluxion/core";
import { checkFloat, checkSameFloat, checkSameShape, checkTensor } from "./validate.js";

/** Checks an (input, target) pair of a pointwise loss: tensors of one float dtype and one shape. */
export function checkPair(op: string, input: unknown, target: unknown): [Tensor, Tensor] {
  const x = checkTensor(op, "input", input);
  const y = checkTensor(op, "target", target);
  checkFloat(op, "input", x);
  checkSameFloat(op, "target", y, x);
  checkSameShape(op, "target", y, x);
  return [x, y];
}
