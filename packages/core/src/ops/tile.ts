import type { Tensor, TensorLike } from "../tensor/tensor.js";
import { asTensor } from "./convert.js";
import { checkReps, tileTo } from "./repeat.js";

/**
 * x tiled `reps[i]` times along each axis (PyTorch's `torch.tile`, NumPy's `np.tile`). Unlike
 * `repeat`, `reps` may be shorter than x's rank: it is padded with leading 1s, so `tile(x, [2])`
 * repeats only the last axis. Longer `reps` add leading axes, as in `repeat`.
 *
 * @example
 * tile(tensor([[1, 2], [3, 4]]), [2]); // [[1, 2, 1, 2], [3, 4, 3, 4]]
 * tile(tensor([1, 2]), [2, 1]); // [[1, 2], [1, 2]]
 */
export function tile(x: TensorLike, reps: number | readonly number[]): Tensor {
  const t = asTensor(x, undefined, "tile");
  const r = checkReps("tile", reps);
  const padded = [...new Array<number>(Math.max(t.ndim - r.length, 0)).fill(1), ...r];
  return tileTo("tile", t, padded);
}
