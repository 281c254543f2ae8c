import { randomBytes } from "node:crypto";
import { open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Tensor } from "@fluxion/core";
import { deserializeSafetensors, type SafetensorsContents } from "./decode.js";
import { serializeSafetensors } from "./encode.js";

/** Options of `saveSafetensorsFile`. */
export interface SaveSafetensorsFileOptions {
  /** `__metadata__` strings stored in the header. */
  metadata?: Record<string, string>;
}

/**
 * Writes named tensors to a safetensors file atomically: the bytes go to a temporary file in the
 * same folder, which is flushed to disk (fsync) and then renamed over `path`, so a crash or a
 * failed write never leaves a half-written checkpoint; on failure the temporary file is removed
 * and any previous file at `path` is left as it was. Node only.
 *
 * @example
 * await saveSafetensorsFile("model.safetensors", model.stateDict());
 */
export async function saveSafetensorsFile(
  path: string,
  tensors: Readonly<Record<string, Tensor>>,
  options: SaveSafetensorsFileOptions = {},
): Promise<void> {
  const bytes = serializeSafetensors(tensors, options.metadata);
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(tmp, "wx", 0o644);
  try {
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, written);
      written += bytesWritten;
    }
    await handle.sync();
    await handle.close();
    await rename(tmp, path);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
  // NOTE: flushing the folder makes the rename itself durable; not every platform allows it.
  try {
    const folder = await open(dir, "r");
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // best effort
  }
}

/**
 * Reads a safetensors file (validated as `deserializeSafetensors` does). Node only.
 *
 * @example
 * model.loadStateDict((await loadSafetensorsFile("model.safetensors")).tensors);
 */
export async function loadSafetensorsFile(path: string): Promise<SafetensorsContents> {
  const buf = await readFile(path);
  return deserializeSafetensors(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}
