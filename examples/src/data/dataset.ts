import type { Tensor } from "@fluxion/core";

/** Features and integer class labels of a classification data set. */
export interface Dataset {
  /** Features, [n, d] float32. */
  x: Tensor;
  /** Class indices, [n] int32. */
  y: Tensor;
  /** Class names, indexed by label. */
  classes: string[];
}
