import { ArgumentError, ShapeError } from "../errors.js";
import { optionsObject } from "../options.js";
import { checkSize, describeValue, dimAt, formatShape } from "../shape.js";
import { Tensor, type TensorLike } from "../tensor/tensor.js";
import { concat } from "./concat.js";
import { asTensor } from "./convert.js";
import { indexSelect } from "./indexSelect.js";
import { slice } from "./slice.js";

/** How `pad` fills the new entries (PyTorch's `mode` of `F.pad`). */
export type PadMode = "constant" | "reflect" | "replicate" | "circular";

/** Options of {@link pad}. */
export interface PadOptions {
  /**
   * `"constant"` (default) fills with `value`; `"reflect"` mirrors x without repeating the edge
   * entry ([1, 2, 3] padded by 2 on each side: [3, 2, 1, 2, 3, 2, 1]); `"replicate"` repeats the
   * edge entry ([1, 1, 1, 2, 3, 3, 3]); `"circular"` wraps around ([2, 3, 1, 2, 3, 1, 2]).
   */
  mode?: PadMode;
  /** The fill value of mode `"constant"` (default 0), converted to x's dtype. */
  value?: number;
}

const modes: readonly PadMode[] = ["constant", "reflect", "replicate", "circular"];

/** Source position of output entry i (from −before) along an axis of size n, in a non-constant mode. */
function sourceIndex(mode: Exclude<PadMode, "constant">, i: number, n: number): number {
  if (mode === "replicate") return Math.min(Math.max(i, 0), n - 1);
  if (mode === "circular") return ((i % n) + n) % n;
  return i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i;
}

/**
 * x padded along its last axes (PyTorch's `torch.nn.functional.pad`). `pad` lists (before, after)
 * pairs from the last axis backwards: `[left, right]` pads the last axis, `[left, right, top,
 * bottom]` the last two, and so on for up to every axis. Modes as PyTorch's: `"constant"` (with
 * `value`; negative amounts crop), `"reflect"` (each amount smaller than its axis), `"replicate"`
 * (any amount) and `"circular"` (each amount at most its axis). Unlike PyTorch, whose non-constant modes take
 * 2-D to 5-D inputs and pad at most their last three axes, every mode works on any axes (with the
 * same values where PyTorch defines them); negative amounts are for `"constant"` only. Composed
 * from slice, concat and indexSelect, so the gradient comes for free (a reflected or replicated
 * entry's gradient is added back to its source).
 *
 * @example
 * pad(tensor([[1, 2], [3, 4]]), [1, 0]); // [[0, 1, 2], [0, 3, 4]]
 * pad(tensor([1, 2, 3]), [2, 2], { mode: "reflect" }); // [3, 2, 1, 2, 3, 2, 1]
 * pad(tensor([1, 2, 3]), [-1, 1], { value: 9 }); // [2, 3, 9]
 */
export function pad(x: TensorLike, pad: readonly number[], options?: PadOptions): Tensor {
  const t = asTensor(x, undefined, "pad");
  const o = optionsObject("pad", options);
  const mode = o.mode ?? "constant";
  if (!modes.includes(mode)) {
    throw new ArgumentError(
      `pad: options.mode must be "constant", "reflect", "replicate" or "circular", got ${describeValue(mode)}`,
    );
  }
  if (o.value !== undefined && typeof o.value !== "number") {
    throw new ArgumentError(`pad: options.value must be a number, got ${describeValue(o.value)}`);
  }
  if (o.value !== undefined && mode !== "constant") {
    throw new ArgumentError(
      `pad: options.value is only for mode "constant" (mode "${mode}" fills from x itself), got value ${o.value}`,
    );
  }
  if (!Array.isArray(pad) || !pad.every((p) => Number.isInteger(p))) {
    throw new ArgumentError(`pad: pad must be an array of integers, got ${describeValue(pad)}`);
  }
  if (pad.length % 2 !== 0 || pad.length > 2 * t.ndim) {
    throw new ArgumentError(
      `pad: pad must hold (before, after) pairs for at most every axis of x (shape ${formatShape(t.shape)}, so an even length up to ${2 * t.ndim}), got [${pad.join(", ")}]`,
    );
  }
  // pairs from the last axis backwards
  const amounts = new Map<number, [number, number]>();
  for (let k = 0; k < pad.length / 2; k++) {
    const before = pad[2 * k] ?? 0;
    const after = pad[2 * k + 1] ?? 0;
    const axis = t.ndim - 1 - k;
    const n = dimAt(t.shape, axis);
    if (before === 0 && after === 0) continue;
    if (mode === "constant") {
      if (n + before + after < 0) {
        throw new ShapeError(
          `pad: axis ${axis} of size ${n} padded by ${before} and ${after} would have a negative size ${n + before + after}`,
        );
      }
    } else if (before < 0 || after < 0) {
      throw new ArgumentError(
        `pad: negative padding (cropping) is only supported with mode "constant", got ${before} and ${after} on axis ${axis} with mode "${mode}"`,
      );
    } else if (mode === "replicate" && n === 0) {
      throw new ArgumentError(
        `pad: mode "replicate" cannot pad the empty axis ${axis} of x (shape ${formatShape(t.shape)})`,
      );
    } else if (mode === "reflect" && Math.max(before, after) >= n) {
      throw new ArgumentError(
        `pad: with mode "reflect" each padding must be smaller than its axis, but axis ${axis} has size ${n} and padding ${before} and ${after}`,
      );
    } else if (mode === "circular" && Math.max(before, after) > n) {
      throw new ArgumentError(
        `pad: with mode "circular" each padding must be at most its axis, but axis ${axis} has size ${n} and padding ${before} and ${after}`,
      );
    }
    amounts.set(axis, [before, after]);
  }
  const outShape = t.shape.map((d, a) => {
    const [before, after] = amounts.get(a) ?? [0, 0];
    return d + before + after;
  });
  checkSize("pad", outShape);
  return mode === "constant" ? padConstant(t, amounts, o.value ?? 0) : padFrom(t, amounts, mode);
}

/** Constant padding: crop the negative amounts (one slice), then join fill blocks on each axis. */
function padConstant(t: Tensor, amounts: Map<number, [number, number]>, value: number): Tensor {
  const ranges = t.shape.map((n, a) => {
    const [before, after] = amounts.get(a) ?? [0, 0];
    return [Math.max(-before, 0), n - Math.max(-after, 0)] as const;
  });
  let out = slice(t, ranges);
  const fill = asTensor(value, t.dtype, "pad");
  const v = fill.dtype === t.dtype ? fill : fill.to(t.dtype);
  for (const [axis, [before, after]] of amounts) {
    const block = (size: number) => v.expand(out.shape.map((d, a) => (a === axis ? size : d)));
    const parts = [
      ...(before > 0 ? [block(before)] : []),
      out,
      ...(after > 0 ? [block(after)] : []),
    ];
    out = concat(parts, axis);
  }
  return out;
}

/** reflect / replicate / circular: one indexSelect per padded axis, from computed source positions. */
function padFrom(
  t: Tensor,
  amounts: Map<number, [number, number]>,
  mode: Exclude<PadMode, "constant">,
): Tensor {
  let out = t;
  for (const [axis, [before, after]] of amounts) {
    const n = dimAt(t.shape, axis);
    const index = new Int32Array(n + before + after);
    for (let i = 0; i < index.length; i++) index[i] = sourceIndex(mode, i - before, n);
    out = indexSelect(out, axis, Tensor._fromData(index, [index.length], "int32"));
  }
  return out;
}
