import { FluxionError } from "@fluxion/core";

/** Raised when a model cannot be exported to ONNX; the message names the op or argument at fault. */
export class OnnxExportError extends FluxionError {
  override readonly name: string = "OnnxExportError";
}
