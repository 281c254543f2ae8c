/**
 * @fluxion/nn/node: Node-only helpers (file system). The main entry stays browser-safe.
 *
 * @module @fluxion/nn/node
 */
export {
  loadSafetensorsFile,
  type SaveSafetensorsFileOptions,
  saveSafetensorsFile,
} from "./serialization/node-files.js";
