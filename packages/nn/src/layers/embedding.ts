import {
  ArgumentError,
  type DType,
  DTypeError,
  formatShape,
  type Generator,
  noGrad,
  ShapeError,
  Tensor,
  tensor,
  where,
  zeros,
} from "@fluxion/core";
import { normal } from "../init/basic.js";
import { Module } from "../module/module.js";
import { Parameter } from "../module/parameter.js";

/** Options of `Embedding`. */
export interface EmbeddingOptions {
  /**
   * A row (negative counts from the end) that receives no gradient and starts at zeros: the
   * padding token's embedding stays fixed during training.
   */
  paddingIdx?: number | null;
  /** Before each lookup, rows looked up whose `normType`-norm exceeds this are rescaled to it, in place. */
  maxNorm?: number | null;
  /** The p of the p-norm for `maxNorm` (default 2; Infinity for the largest absolute value). */
  normType?: number;
  /** Weight dtype (default: core's default dtype). */
  dtype?: DType;
  /** Generator for the N(0, 1) initial values (default: core's default generator). */
  generator?: Generator;
}

/** Options of `Embedding.fromPretrained`. */
export interface FromPretrainedOptions extends Omit<EmbeddingOptions, "dtype" | "generator"> {
  /** Keep the weight fixed (requiresGrad false; default true). */
  freeze?: boolean;
}

/**
 * A lookup table of `numEmbeddings` vectors of size `embeddingDim`, PyTorch's `nn.Embedding`:
 * int32 indices of any shape give vectors of shape [...indices.shape, embeddingDim]. The weight
 * starts as N(0, 1) draws, the padding row (if any) as zeros. Gradients flow to the rows looked
 * up, summed over repeats, except the `paddingIdx` row.
 *
 * @example
 * const emb = new Embedding(10, 3, { paddingIdx: 0 });
 * emb.call(tensor([[1, 2], [0, 9]], { dtype: "int32" })).shape; // [2, 2, 3]
 */
export class Embedding extends Module {
  /** Number of rows (the vocabulary size). */
  readonly numEmbeddings: number;
  /** Length of each embedding vector. */
  readonly embeddingDim: number;
  /** The padding row (made non-negative), which gets no gradient; null for none. */
  readonly paddingIdx: number | null;
  /** Looked-up rows with a larger `normType`-norm are rescaled to this, in place; null for no limit. */
  readonly maxNorm: number | null;
  /** The p of the p-norm used with `maxNorm` (default 2). */
  readonly normType: number;
  /** The embedding table, of shape [numEmbeddings, embeddingDim]. */
  weight: Parameter;

  constructor(numEmbeddings: number, embeddingDim: number, options: EmbeddingOptions = {}) {
    super();
    for (const [name, v] of [
      ["numEmbeddings", numEmbeddings],
      ["embeddingDim", embeddingDim],
    ] as const)
      if (!Number.isInteger(v) || v < 1)
        throw new ArgumentError(`Embedding: ${name} must be a positive integer, got ${String(v)}`);
    this.numEmbeddings = numEmbeddings;
    this.embeddingDim = embeddingDim;
    const { paddingIdx = null, maxNorm = null, normType = 2 } = options;
    if (paddingIdx !== null) {
      if (
        !Number.isInteger(paddingIdx) ||
        paddingIdx < -numEmbeddings ||
        paddingIdx >= numEmbeddings
      )
        throw new ArgumentError(
          `Embedding: paddingIdx must be an integer in [${-numEmbeddings}, ${numEmbeddings}), got ${String(paddingIdx)}`,
        );
    }
    this.paddingIdx =
      paddingIdx === null || paddingIdx >= 0 ? paddingIdx : numEmbeddings + paddingIdx;
    if (maxNorm !== null && !(typeof maxNorm === "number" && maxNorm > 0))
      throw new ArgumentError(
        `Embedding: maxNorm must be a positive number, got ${String(maxNorm)}`,
      );
    if (!(typeof normType === "number" && normType > 0))
      throw new ArgumentError(
        `Embedding: normType must be a positive number, got ${String(normType)}`,
      );
    this.maxNorm = maxNorm;
    this.normType = normType;
    this.weight = new Parameter(zeros([numEmbeddings, embeddingDim], { dtype: options.dtype }));
    this.resetParameters(options.generator);
  }

  /**
   * An embedding whose weight is `embeddings` [numEmbeddings, embeddingDim] (sharing its storage,
   * as PyTorch's `Embedding.from_pretrained`), frozen unless `freeze` is false. The padding row is
   * kept as given.
   *
   * @example
   * const emb = Embedding.fromPretrained(tensor([[1, 2], [3, 4]]));
   * emb.call(tensor([1], { dtype: "int32" })).toArray(); // [[3, 4]]
   */
  static fromPretrained(embeddings: Tensor, options: FromPretrainedOptions = {}): Embedding {
    if (!(embeddings instanceof Tensor) || embeddings.ndim !== 2)
      throw new ShapeError(
        `Embedding.fromPretrained: embeddings must be a 2-D tensor [numEmbeddings, embeddingDim], got ${embeddings instanceof Tensor ? `shape ${formatShape(embeddings.shape)}` : typeof embeddings}`,
      );
    const [n, d] = embeddings.shape as [number, number];
    const emb = new Embedding(n, d, { ...options, dtype: embeddings.dtype });
    emb.weight = new Parameter(embeddings, !(options.freeze ?? true));
    return emb;
  }

  /**
   * Redraws the weight from N(0, 1) and zeroes the padding row.
   *
   * @example
   * emb.resetParameters(new Generator(0));
   */
  resetParameters(generator?: Generator): void {
    normal(this.weight, { generator });
    if (this.paddingIdx !== null) {
      const row = this.paddingIdx;
      const n = this.numEmbeddings;
      const keep = tensor(
        Array.from({ length: n }, (_, i) => (i === row ? 0 : 1)),
        { dtype: "int32" },
      ).reshape([n, 1]);
      noGrad(() => this.weight.copy_(where(keep, this.weight, 0)));
    }
  }

  override forward(indices: Tensor): Tensor {
    const flat = this.#checkIndices(indices);
    if (this.maxNorm !== null) this.#renorm(flat);
    // rows picked by the indices tensor itself (not a copy of its values): a traced forward (ONNX
    // export) then reads them from the model's input
    const index = indices.reshape([flat.length]);
    let rows = this.weight.indexSelect(0, index);
    if (this.paddingIdx !== null && flat.includes(this.paddingIdx)) {
      // the padding row's value is returned, but no gradient flows back to it
      const pad = index.eq(this.paddingIdx).reshape([flat.length, 1]);
      rows = where(pad, rows.detach(), rows);
    }
    return rows.reshape([...indices.shape, this.embeddingDim]);
  }

  #checkIndices(indices: Tensor): number[] {
    if (!(indices instanceof Tensor))
      throw new ArgumentError(
        `Embedding: indices must be an int32 Tensor, got ${indices === null ? "null" : typeof indices}`,
      );
    if (indices.dtype !== "int32")
      throw new DTypeError(
        `Embedding: indices must be int32, got ${indices.dtype} (convert with indices.int())`,
      );
    const flat = Array.from(indices.data());
    const bad = flat.findIndex((i) => i < 0 || i >= this.numEmbeddings);
    if (bad >= 0)
      throw new ArgumentError(
        `Embedding: index ${flat[bad]} at flat position ${bad} is out of range [0, ${this.numEmbeddings}) (indices shape ${formatShape(indices.shape)})`,
      );
    return flat;
  }

  /** PyTorch's `embedding_renorm_`: rows looked up with norm > maxNorm are scaled by maxNorm / (norm + 1e-7). */
  #renorm(flat: readonly number[]): void {
    const maxNorm = this.maxNorm as number;
    const d = this.embeddingDim;
    const w = this.weight.data();
    const scale = new Array<number>(this.numEmbeddings).fill(1);
    let any = false;
    for (const row of new Set(flat)) {
      let norm = 0;
      for (let j = 0; j < d; j++) {
        const a = Math.abs(w[row * d + j] as number);
        norm = this.normType === Infinity ? Math.max(norm, a) : norm + a ** this.normType;
      }
      if (this.normType !== Infinity) norm **= 1 / this.normType;
      if (norm > maxNorm) {
        scale[row] = maxNorm / (norm + 1e-7);
        any = true;
      }
    }
    if (!any) return;
    noGrad(() => {
      const s = tensor(scale, { dtype: this.weight.dtype }).reshape([this.numEmbeddings, 1]);
      this.weight.mul_(s.expand([this.numEmbeddings, d]));
    });
  }

  override extraRepr(): string {
    const parts = [`${this.numEmbeddings}, ${this.embeddingDim}`];
    if (this.paddingIdx !== null) parts.push(`paddingIdx=${this.paddingIdx}`);
    if (this.maxNorm !== null) parts.push(`maxNorm=${this.maxNorm}`);
    if (this.normType !== 2) parts.push(`normType=${this.normType}`);
    return parts.join(", ");
  }
}
