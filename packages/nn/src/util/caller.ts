import { FluxionError } from "@fluxion/core";

/**
 * Runs `fn`; a FluxionError it throws that names an inner function (`full: …`, `ones: …`) is
 * re-thrown, same class, as `${caller}: full: …`, so the message names the function the user
 * called (a layer's constructor building its parameters).
 */
export function asCaller<T>(caller: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FluxionError && !e.message.startsWith(`${caller}:`)) {
      const Kind = e.constructor as new (message: string) => FluxionError;
      throw new Kind(`${caller}: ${e.message}`);
    }
    throw e;
  }
}
