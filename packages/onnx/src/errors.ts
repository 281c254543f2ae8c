import { FluxionError } from "@fluxion/core";

/**
 * Raised when a model cannot be exported to ONNX; the message names the op or argument at fault.
 *
 * @example
 * ```ts
 * try {
 *   exportOnnx(model, randn([1, 4]));
 * } catch (e) {
 *   if (e instanceof OnnxExportError) console.error(e.message); // names the op without a lowering
 * }
 * ```
 */
export class OnnxExportError extends FluxionError {
  override readonly name: string = "OnnxExportError";
}
