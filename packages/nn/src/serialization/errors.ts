import { FluxionError } from "@fluxion/core";

/** A safetensors file or buffer that is malformed, truncated or not supported. */
export class SafetensorsError extends FluxionError {
  override name = "SafetensorsError";
}
