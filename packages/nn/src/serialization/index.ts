export {
  deserializeSafetensors,
  MAX_HEADER_BYTES,
  type SafetensorsContents,
} from "./decode.js";
export type { SafetensorsDType } from "./dtypes.js";
export { serializeSafetensors } from "./encode.js";
export { SafetensorsError } from "./errors.js";
