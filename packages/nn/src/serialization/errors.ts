import { FluxionError } from "@fluxion/core";

/**
 * A safetensors file or buffer that is malformed, truncated or not supported.
 *
 * @example
 * try { deserializeSafetensors(new Uint8Array(3)); } catch (e) { e instanceof SafetensorsError; } // true
 */
export class SafetensorsError extends FluxionError {
  override name = "SafetensorsError";
}
