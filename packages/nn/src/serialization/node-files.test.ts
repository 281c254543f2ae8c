import type * as FsPromises from "node:fs/promises";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tensor } from "@fluxion/core";
import { describe, expect, it, vi } from "vitest";
import { loadSafetensorsFile, saveSafetensorsFile } from "./node-files.js";

// `open` is wrapped so that a test can make one write fail half-way, as a full disk would.
const failNextWrite = { on: false };
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      if (!failNextWrite.on) return handle;
      failNextWrite.on = false;
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === "write")
            return async (buf: Uint8Array, offset: number, length: number, position: number) => {
              await target.write(buf, offset, Math.floor(length / 2), position);
              throw Object.assign(new Error("ENOSPC: no space left on device, write"), {
                code: "ENOSPC",
              });
            };
          const v = Reflect.get(target, prop);
          return typeof v === "function" ? v.bind(target) : v;
        },
      });
    },
  };
});

describe("safetensors files (Node)", () => {
  it("saves and loads a file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fluxion-nn-"));
    const path = join(dir, "model.safetensors");
    const w = tensor(
      [
        [1, 2],
        [3, 4],
      ],
      { dtype: "float64" },
    );
    await saveSafetensorsFile(path, { "0.weight": w }, { metadata: { format: "pt" } });
    const { tensors, metadata } = await loadSafetensorsFile(path);
    expect(tensors["0.weight"]?.toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(metadata).toEqual({ format: "pt" });
    expect(await readdir(dir)).toEqual(["model.safetensors"]);
  });

  it("leaves no partial file and keeps the previous checkpoint when the write fails", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fluxion-nn-"));
    const path = join(dir, "model.safetensors");
    await writeFile(path, "previous checkpoint");
    failNextWrite.on = true;
    await expect(saveSafetensorsFile(path, { w: tensor(new Float32Array(1000)) })).rejects.toThrow(
      /ENOSPC/,
    );
    expect(await readdir(dir)).toEqual(["model.safetensors"]);
    expect(await readFile(path, "utf8")).toBe("previous checkpoint");
    // and when there was no previous file, there is none after the failure
    const fresh = join(dir, "fresh.safetensors");
    failNextWrite.on = true;
    await expect(saveSafetensorsFile(fresh, { w: tensor([1, 2, 3]) })).rejects.toThrow(/ENOSPC/);
    expect(await readdir(dir)).toEqual(["model.safetensors"]);
  });

  it("rejects a corrupt file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fluxion-nn-"));
    const path = join(dir, "bad.safetensors");
    await writeFile(path, new Uint8Array([1, 2, 3]));
    await expect(loadSafetensorsFile(path)).rejects.toThrow(/truncated/);
  });
});
