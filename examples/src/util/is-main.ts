import { pathToFileURL } from "node:url";

/** True when the module at `moduleUrl` is the program being run (not imported, e.g. by a test). */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && moduleUrl === pathToFileURL(entry).href;
}
