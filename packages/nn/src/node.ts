/**
 * @fluxion/nn/node: Node-only helpers (file system). The main entry stays browser-safe.
 */
export {
  loadSafetensorsFile,
  type SaveSafetensorsFileOptions,
  saveSafetensorsFile,
} from "./serialization/node-files.js";
