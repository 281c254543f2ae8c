import { OnnxExportError } from "./errors.js";
import type { Dim } from "./types.js";

/** The symbolic shape of a value seen with batch sizes b (first trace) and 2b (second trace). */
export function symbolic(
  a: readonly number[],
  b: readonly number[] | undefined,
  batch: number,
  dimName: string,
  what: () => string,
): Dim[] {
  if (b === undefined) return [...a];
  if (a.length !== b.length)
    throw new OnnxExportError(
      `exportOnnx: ${what()} changes rank with the batch size; export with dynamicBatch: false`,
    );
  return a.map((d, i) => {
    const e = b[i] as number;
    if (d === e) return d;
    if (d === batch && e === 2 * batch) return dimName;
    throw new OnnxExportError(
      `exportOnnx: ${what()} has a dimension (axis ${i}: ${d} for batch ${batch}, ${e} for batch ${2 * batch}) that depends on the batch size without being it; ONNX export keeps only the batch dynamic, so export with dynamicBatch: false`,
    );
  });
}
