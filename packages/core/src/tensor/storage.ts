import type { TypedArray } from "../dtype.js";

/**
 * The memory behind one or more tensors. Views (reshape, detach) share a Storage; `version` counts
 * in-place writes so that backward can refuse values that changed after they were saved.
 */
export interface Storage {
  readonly data: TypedArray;
  version: number;
}
