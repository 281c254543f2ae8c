import { randomBytes } from "node:crypto";
import { open, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ArgumentError, type Tensor } from "@fluxion/core";
import { deserializeSafetensors, type SafetensorsContents } from "./decode.js";
import { serializeSafetensors } from "./encode.js";
import { SafetensorsError } from "./errors.js";

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
  if (typeof path !== "string" || path === "")
    throw new ArgumentError(
      `saveSafetensorsFile: path must be a non-empty string, got ${typeof path}`,
    );
  const bytes = serializeSafetensors(tensors, options.metadata);
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(tmp, "wx", 0o644);
  } catch (error) {
    throw fileError("saveSafetensorsFile", "write", path, error);
  }
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
    throw fileError("saveSafetensorsFile", "write", path, error);
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
  if (typeof path !== "string" || path === "")
    throw new ArgumentError(
      `loadSafetensorsFile: path must be a non-empty string, got ${typeof path}`,
    );
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (error) {
    throw fileError("loadSafetensorsFile", "read", path, error);
  }
  return deserializeSafetensors(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}

/** Node's file error as a SafetensorsError naming the function, the user's path and the reason. */
function fileError(op: string, verb: string, path: string, error: unknown): Error {
  const code = (error as { code?: unknown } | null)?.code;
  const reason =
    code === "ENOENT"
      ? verb === "write"
        ? `the folder ${dirname(path)} does not exist`
        : "no such file"
      : code === "EISDIR"
        ? "it is a folder, not a file"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "ENOTDIR"
            ? "a part of the path is not a folder"
            : error instanceof Error
              ? error.message
              : String(error);
  return new SafetensorsError(
    `${op}: cannot ${verb} ${path}: ${reason}${typeof code === "string" ? ` (${code})` : ""}`,
    { cause: error },
  );
}
