import {
  ArgumentError,
  formatShape,
  ShapeError,
  Tensor,
  type TypedArray,
  tensor,
} from "@fluxion/core";

/**
 * Samples stored along the first axis of one or more tensors (features, labels, …), like
 * PyTorch's `TensorDataset`. Sample i is the i-th row of each tensor.
 *
 * @example
 * const ds = new TensorDataset(x, y); // x: [100, 2], y: [100]
 * ds.length; // 100
 */
export class TensorDataset {
  /** The tensors, all with the same size of axis 0 (the number of samples). */
  readonly tensors: readonly Tensor[];
  /** A copy of each tensor's values, taken once, that batches are cut from. */
  readonly #values: TypedArray[];

  constructor(...tensors: Tensor[]) {
    if (tensors.length === 0) throw new ArgumentError("TensorDataset: needs at least one tensor");
    const n = tensors[0]?.shape[0];
    tensors.forEach((t, i) => {
      if (!(t instanceof Tensor))
        throw new ArgumentError(
          `TensorDataset: argument ${i} must be a Tensor, got ${t === null ? "null" : typeof t}`,
        );
      if (t.ndim === 0)
        throw new ShapeError(`TensorDataset: tensor ${i} is a scalar; samples lie along axis 0`);
      if (t.shape[0] !== n)
        throw new ShapeError(
          `TensorDataset: every tensor needs the same first dimension; tensor 0 has shape ${formatShape(tensors[0]?.shape ?? [])}, tensor ${i} has ${formatShape(t.shape)}`,
        );
    });
    this.tensors = tensors;
    this.#values = tensors.map((t) => t.data());
  }

  /** Number of samples. */
  get length(): number {
    return this.tensors[0]?.shape[0] ?? 0;
  }

  /**
   * The samples at `indices`, batched: one tensor per stored tensor, with first dimension
   * `indices.length`. The dataset holds a snapshot of the
   * values taken at construction; the batches are leaves that do not require grad.
   *
   * @example
   * const [xb, yb] = ds.getBatch([3, 0, 7]);
   */
  getBatch(indices: readonly number[]): Tensor[] {
    const n = this.length;
    for (const i of indices)
      if (!Number.isInteger(i) || i < 0 || i >= n)
        throw new ArgumentError(`TensorDataset: index ${i} is out of range for ${n} samples`);
    return this.tensors.map((t, j) => {
      const rowShape = t.shape.slice(1);
      const row = rowShape.reduce((a, b) => a * b, 1);
      const src = this.#values[j] as TypedArray;
      const out = new (src.constructor as { new (n: number): typeof src })(indices.length * row);
      indices.forEach((i, k) => {
        out.set(src.subarray(i * row, (i + 1) * row), k * row);
      });
      return tensor(out, { shape: [indices.length, ...rowShape] });
    });
  }
}
