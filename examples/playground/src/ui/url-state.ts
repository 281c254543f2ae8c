// The page's configuration in its URL: configuration A's fields as the query and, in compare mode,
// configuration B's under the prefix "b." (the engine's URL codec does both).
import { decodeConfig, encodeConfig } from "../engine/index.js";
import type { PlaygroundConfig } from "../engine/protocol.js";

/** The configurations a link holds, and what could not be read from it. */
export interface UrlState {
  readonly a: PlaygroundConfig;
  readonly b: PlaygroundConfig | undefined;
  readonly errors: readonly string[];
}

/** The prefix of configuration B's fields in the query. */
export const comparePrefix = "b.";

/**
 * Reads configuration A (and B, when the query has "b." fields) from a query string. Unreadable
 * fields fall back to their defaults and are listed in `errors`; nothing throws.
 *
 * @example
 * const { a, b, errors } = readUrlState(location.search);
 */
export function readUrlState(search: string): UrlState {
  const errors: string[] = [];
  const safeDecode = (prefix: string): PlaygroundConfig => {
    try {
      const decoded = decodeConfig(search, prefix);
      errors.push(...decoded.errors);
      return decoded.config;
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
      return decodeConfig("").config;
    }
  };
  const keys = [...new URLSearchParams(search).keys()];
  const a = safeDecode("");
  const b = keys.some((k) => k.startsWith(comparePrefix)) ? safeDecode(comparePrefix) : undefined;
  return { a, b, errors };
}

/**
 * The query string (with its "?") for configuration A and, when comparing, B.
 *
 * @example
 * history.replaceState(null, "", writeUrlState(a, b));
 */
export function writeUrlState(a: PlaygroundConfig, b: PlaygroundConfig | undefined): string {
  const parts = [encodeConfig(a, "")];
  if (b) parts.push(encodeConfig(b, comparePrefix));
  return `?${parts
    .map((p) => p.replace(/^\?/, ""))
    .filter((p) => p.length > 0)
    .join("&")}`;
}
