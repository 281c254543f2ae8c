// Builds the publishable output of the package in the current directory (and of the workspace
// packages it references): `dist/` gets only the library (JS with source maps that carry their
// sources, and .d.ts), never compiled tests or build info. Each package's `tsconfig.build.json`
// holds the settings; this script only cleans first, so a file deleted from src/ (or a test
// compiled by an older configuration) cannot linger in a tarball.
//   node ../../scripts/build-package.mjs          (from packages/<name>; `build` and `prepack`)
//   node scripts/build-package.mjs packages/nn    (from the root)
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const dirs = process.argv.length > 2 ? process.argv.slice(2) : [process.cwd()];

/** Every package directory whose tsconfig.build.json `dir`'s references reach, `dir` included. */
function closure(dir, seen = new Set()) {
  const abs = resolve(dir);
  if (seen.has(abs)) return seen;
  seen.add(abs);
  const config = join(abs, "tsconfig.build.json");
  if (!existsSync(config)) throw new Error(`build-package: no tsconfig.build.json in ${abs}`);
  // tsconfig files are JSON here (no comments), so JSON.parse is enough.
  const { references = [] } = JSON.parse(readFileSync(config, "utf8"));
  for (const ref of references) closure(dirname(resolve(abs, ref.path)), seen);
  return seen;
}

// The packages asked for are rebuilt from clean; a package they depend on keeps its dist/ when
// its build info says this configuration made it (tsc -b then rebuilds it only if stale), and is
// cleaned otherwise (a dist/ left by something else may hold files that must not ship).
const asked = new Set(dirs.map((dir) => resolve(dir)));
const all = new Set();
for (const dir of dirs) closure(dir, all);
for (const dir of all) {
  const info = join(dir, "out", "build.tsbuildinfo");
  if (!asked.has(dir) && existsSync(info)) continue;
  rmSync(join(dir, "dist"), { recursive: true, force: true });
  rmSync(info, { force: true });
}
const tsc = require.resolve("typescript/bin/tsc");
const projects = dirs.map((dir) => join(resolve(dir), "tsconfig.build.json"));
execFileSync(process.execPath, [tsc, "-b", ...projects], { stdio: "inherit" });
