import { Tensor } from "@fluxion/core";
import { OnnxExportError } from "./errors.js";

/** The graph's input or output names: the given ones, checked, or input/input0, input1, …. */
export function checkNames(
  kind: string,
  given: readonly string[] | undefined,
  count: number,
): string[] {
  const option = `${kind}Names`;
  if (given === undefined) {
    if (count === 1) return [kind];
    return Array.from({ length: count }, (_, i) => `${kind}${i}`);
  }
  if (!Array.isArray(given) || given.length !== count) {
    throw new OnnxExportError(
      `exportOnnx: options.${option} must list ${count} name(s), one per ${kind}, got ${JSON.stringify(given)}`,
    );
  }
  for (const n of given) {
    if (typeof n !== "string" || n === "")
      throw new OnnxExportError(
        `exportOnnx: options.${option} must hold non-empty strings, got ${JSON.stringify(given)}`,
      );
  }
  if (new Set(given).size !== given.length)
    throw new OnnxExportError(
      `exportOnnx: options.${option} has duplicates: ${JSON.stringify(given)}`,
    );
  return [...given];
}

/** The example inputs as a list of Tensors. */
export function checkInputs(exampleInputs: Tensor | readonly Tensor[]): Tensor[] {
  const list: readonly unknown[] = Array.isArray(exampleInputs) ? exampleInputs : [exampleInputs];
  if (list.length === 0)
    throw new OnnxExportError("exportOnnx: exampleInputs must hold at least one Tensor");
  return list.map((t, i) => {
    if (!(t instanceof Tensor))
      throw new OnnxExportError(
        `exportOnnx: exampleInputs[${i}] must be a Tensor, got ${String(t)}`,
      );
    return t;
  });
}

/** The batch size shared by every input's axis 0 (dynamicBatch). */
export function checkBatch(inputs: readonly Tensor[]): number {
  const first = inputs[0] as Tensor;
  inputs.forEach((x, i) => {
    if (x.ndim === 0)
      throw new OnnxExportError(
        `exportOnnx: exampleInputs[${i}] is a scalar, so it has no batch axis; export with dynamicBatch: false`,
      );
    if (x.shape[0] !== first.shape[0])
      throw new OnnxExportError(
        `exportOnnx: with dynamicBatch every input's axis 0 is the batch, but exampleInputs[0] has shape [${first.shape.join(", ")}] and exampleInputs[${i}] has shape [${x.shape.join(", ")}]; export with dynamicBatch: false`,
      );
  });
  const batch = first.shape[0] as number;
  if (batch === 0)
    throw new OnnxExportError(
      "exportOnnx: the example inputs have batch size 0; trace with at least one example",
    );
  return batch;
}
