/**
 * @fluxion/onnx: ONNX export of Fluxion models (opset 20 by default, 17 to 20), traced through
 * the op registry, so any model made of Fluxion ops exports; user ops declare their lowering with
 * `registerOnnxLowering`.
 */
export { OnnxExportError } from "./errors.js";
export {
  DEFAULT_ONNX_OPSET,
  type ExportOnnxOptions,
  exportOnnx,
  MIN_ONNX_OPSET,
  PRODUCER_VERSION,
} from "./export.js";
export {
  hasOnnxLowering,
  type RegisterOnnxLoweringOptions,
  registerOnnxLowering,
  unregisterOnnxLowering,
} from "./registry.js";
export type { ExportableModel } from "./trace.js";
export type {
  Dim,
  OnnxAttribute,
  OnnxDType,
  OnnxLowering,
  OnnxLoweringContext,
  OnnxValue,
} from "./types.js";
