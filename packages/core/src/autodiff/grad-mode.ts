import { checkFunction } from "../shape.js";

/** Whether ops record graph nodes. Toggled by `noGrad` and `enableGrad`. */
let gradEnabled = true;

/**
 * Whether ops record the graph for backward (false inside `noGrad`), as PyTorch's `torch.is_grad_enabled`.
 *
 * @example
 * isGradEnabled(); // true
 * noGrad(() => isGradEnabled()); // false
 */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** Sets grad mode and returns the previous value (for try/finally restoring). */
export function setGradEnabled(enabled: boolean): boolean {
  const prev = gradEnabled;
  gradEnabled = enabled;
  return prev;
}

/**
 * Runs `fn` without recording the graph, like `torch.no_grad()`: results do not require grad.
 *
 * @example
 * const yHat = noGrad(() => model.forward(x)); // evaluation, no graph kept
 */
export function noGrad<T>(fn: () => T): T {
  checkFunction("noGrad", "fn", fn);
  const prev = setGradEnabled(false);
  try {
    return fn();
  } finally {
    setGradEnabled(prev);
  }
}

/**
 * Runs `fn` with graph recording on, even inside `noGrad`.
 *
 * @example
 * noGrad(() => enableGrad(() => x.mul(x))); // records the mul
 */
export function enableGrad<T>(fn: () => T): T {
  checkFunction("enableGrad", "fn", fn);
  const prev = setGradEnabled(true);
  try {
    return fn();
  } finally {
    setGradEnabled(prev);
  }
}
