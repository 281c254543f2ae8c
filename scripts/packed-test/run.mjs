// The packed-package test: what a new user gets from npm, checked end to end.
//   1. build the three packages and `pnpm pack` each (pack rewrites workspace: versions and
//      applies publishConfig, as publishing does);
//   2. check each tarball's file list against an allow-list, its source maps and package.json;
//   3. `npm install` the tarballs into a fresh project outside the repository, then
//      (a) run an ESM program in Node, and a CommonJS one through require(esm),
//      (b) type-check it with tsc strict under nodenext, bundler and legacy node resolution, and
//          compile and run each package README's example,
//      (c) bundle it with esbuild and with Vite and run both in headless Chromium,
//      asserting the numbers printed.
// Run it alone with `npx -y pnpm@12.4.2 test:packed` (or `node scripts/packed-test/run.mjs`);
// `pnpm test` runs it last. Needs Chromium at /usr/bin/chromium (`apt-get install -y chromium`),
// or FLUXION_CHROMIUM=<path>. Set FLUXION_PACKED_KEEP=1 to keep the temporary project.
import { execFile, execFileSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { chromiumArgs, chromiumPath } from "../chromium.mjs";

const execFileAsync = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const require = createRequire(import.meta.url);
const packages = ["core", "activations", "nn", "onnx"];
const started = Date.now();
const failures = [];

function step(name) {
  console.log(`packed-test: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
function check(condition, message) {
  if (!condition) failures.push(message);
}
function run(cmd, args, opts = {}) {
  try {
    return execFileSync(cmd, args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      ...opts,
    });
  } catch (error) {
    throw new Error(
      `${cmd} ${args.join(" ")} failed in ${opts.cwd ?? root}:\n${error.stdout}\n${error.stderr}`,
    );
  }
}
/** pnpm itself: the one running `pnpm test` when there is one, else the pinned one through npx. */
function pnpm(args, cwd) {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) {
    // npm_execpath is a JS entry for some installs of pnpm and a native executable for others
    // (`npx pnpm@12` runs the native one): run the former with node, the latter directly.
    if (/\.[cm]?js$/.test(execPath)) return run(process.execPath, [execPath, ...args], { cwd });
    return run(execPath, args, { cwd });
  }
  return run("npx", ["-y", "pnpm@12.4.2", ...args], { cwd });
}

if (!existsSync(chromiumPath)) {
  console.error(
    `packed-test: no Chromium at ${chromiumPath}. Install Debian's (apt-get install -y chromium; .ci/run does) or set FLUXION_CHROMIUM.`,
  );
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "fluxion-packed-"));
const tarballs = join(work, "tarballs");
const app = join(work, "app");
mkdirSync(tarballs);
mkdirSync(app);

// 1. Build once, then pack without scripts (prepack would rebuild each package again).
step("build");
run(
  process.execPath,
  [join(root, "scripts/build-package.mjs"), ...packages.map((p) => `packages/${p}`)],
  { cwd: root },
);
step("pack");
const tgz = {};
for (const name of packages) {
  const dir = join(root, "packages", name);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  check(
    manifest.scripts?.prepack,
    `${name}: package.json has no prepack script (pack before build would ship nothing)`,
  );
  pnpm(["pack", "--ignore-scripts", "--pack-destination", tarballs], dir);
  tgz[name] = join(tarballs, `fluxion-${name}-${manifest.version}.tgz`);
  check(existsSync(tgz[name]), `${name}: pnpm pack made no ${tgz[name]}`);
}

// 2. Tarball contents.
step("check tarballs");
const allowed = [
  /^package\/(package\.json|README\.md|LICENSE)$/,
  /^package\/dist\/[\w/.-]+\.(js|d\.ts|js\.map)$/,
];
const forbidden = [/\.(test|spec)\./, /test-utils\//, /tsbuildinfo/, /\.d\.ts\.map$/, /\/src\//];
const requiredFields = [
  "name",
  "version",
  "description",
  "license",
  "repository",
  "homepage",
  "bugs",
  "keywords",
  "engines",
  "author",
  "exports",
  "types",
  "main",
  "files",
  "sideEffects",
];
for (const name of packages) {
  const unpacked = join(work, "unpacked", name);
  mkdirSync(unpacked, { recursive: true });
  run("tar", ["xzf", tgz[name], "-C", unpacked]);
  const files = run("tar", ["tzf", tgz[name]]).trim().split("\n").sort();
  for (const file of files) {
    check(
      allowed.some((re) => re.test(file)),
      `${name}: ${file} is not on the allow-list`,
    );
    check(!forbidden.some((re) => re.test(file)), `${name}: ${file} must not ship`);
  }
  const pkgDir = join(unpacked, "package");
  for (const must of ["README.md", "LICENSE", "dist/index.js", "dist/index.d.ts"])
    check(files.includes(`package/${must}`), `${name}: the tarball lacks ${must}`);
  const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  for (const field of requiredFields)
    check(manifest[field] !== undefined, `${name}: package.json lacks "${field}"`);
  check(manifest.version === "0.1.0", `${name}: version ${manifest.version}, expected 0.1.0`);
  check(manifest.license === "MIT", `${name}: license ${manifest.license}, expected MIT`);
  const deps = JSON.stringify(manifest.dependencies ?? {});
  check(!deps.includes("workspace:"), `${name}: dependencies still say workspace: ${deps}`);
  check(
    !JSON.stringify(manifest.exports).includes("@fluxion/source"),
    `${name}: exports still point at src/`,
  );
  // Every export target, and every types/main/typesVersions target, is in the tarball.
  const targets = [manifest.main, manifest.types];
  for (const entry of Object.values(manifest.exports)) targets.push(...Object.values(entry));
  for (const list of Object.values(manifest.typesVersions?.["*"] ?? {})) targets.push(...list);
  // Legacy "moduleResolution": "node" reads no exports map: each subpath needs typesVersions.
  for (const sub of Object.keys(manifest.exports).filter((k) => k !== "."))
    check(
      manifest.typesVersions?.["*"]?.[sub.slice(2)] !== undefined,
      `${name}: export "${sub}" has no typesVersions entry (legacy moduleResolution "node" cannot find its types)`,
    );
  for (const target of targets)
    check(
      existsSync(join(pkgDir, target)),
      `${name}: ${target} is named in package.json but not shipped`,
    );
  for (const file of files.filter((f) => f.endsWith(".js"))) {
    check(files.includes(file.replace(/\.js$/, ".d.ts")), `${name}: ${file} has no .d.ts`);
    const map = `${file}.map`;
    if (!files.includes(map)) continue;
    const { sources = [], sourcesContent = [] } = JSON.parse(
      readFileSync(join(unpacked, map), "utf8"),
    );
    check(
      sources.length > 0 &&
        sourcesContent.length === sources.length &&
        sourcesContent.every((s) => typeof s === "string"),
      `${name}: ${map} does not carry its sources (sourcesContent)`,
    );
  }
  console.log(
    `  ${name}: ${files.length} files, ${(statSync(tgz[name]).size / 1024).toFixed(1)} KB packed`,
  );
}

// 3. A fresh project that installs the tarballs with plain npm.
step("npm install the tarballs");
const fixture = join(here, "fixture");
for (const file of readdirSync(fixture)) copyFileSync(join(fixture, file), join(app, file));
writeFileSync(
  join(app, "package.json"),
  JSON.stringify({ name: "fluxion-packed-app", private: true, type: "module" }, null, 2),
);
run(
  "npm",
  [
    "install",
    "--no-audit",
    "--no-fund",
    "--prefer-offline",
    "--loglevel=error",
    ...packages.map((p) => tgz[p]),
    // Only for README examples that use Node's own modules (onnx's writes the model file).
    "@types/node@20.19.43",
  ],
  { cwd: app },
);

// The README examples, as files of the app (each README has one ```ts block).
const readmes = [];
const nodeReadmes = []; // examples that import node: modules are checked with @types/node
for (const name of packages) {
  const text = readFileSync(join(root, "packages", name, "README.md"), "utf8");
  const block = /```ts\n([\s\S]*?)```/.exec(text)?.[1];
  check(block !== undefined, `${name}: README has no \`\`\`ts example`);
  if (block === undefined) continue;
  writeFileSync(join(app, `readme-${name}.ts`), block);
  readmes.push(name);
  if (/from "node:/.test(block)) nodeReadmes.push(name);
}

// (b) tsc strict: nodenext (emitting, to run it next), bundler, legacy node.
step("tsc strict: nodenext, bundler, node (and README examples using node: with @types/node)");
const tsc = require.resolve("typescript/bin/tsc");
const strict = {
  strict: true,
  skipLibCheck: false,
  target: "ES2022",
  lib: ["ES2022", "DOM"],
  // The packages' types need nothing from @types/node; checking without it proves that (and
  // skipping the default lib check keeps this fast: the .d.ts files under test are still checked).
  types: [],
  skipDefaultLibCheck: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
};
const configs = {
  nodenext: { module: "NodeNext", moduleResolution: "NodeNext", outDir: "build" },
  bundler: { module: "ESNext", moduleResolution: "Bundler", noEmit: true },
  node: { module: "ESNext", moduleResolution: "Node", noEmit: true, ignoreDeprecations: "5.0" },
  "nodenext-with-node-types": {
    module: "NodeNext",
    moduleResolution: "NodeNext",
    outDir: "build",
    types: ["node"],
  },
};
await Promise.all(
  Object.entries(configs).map(async ([name, options]) => {
    const include =
      name === "nodenext-with-node-types"
        ? nodeReadmes.map((r) => `readme-${r}.ts`)
        : [
            "example.ts",
            "node.ts",
            "browser.ts",
            ...readmes.filter((r) => !nodeReadmes.includes(r)).map((r) => `readme-${r}.ts`),
          ];
    if (include.length === 0) return;
    writeFileSync(
      join(app, `tsconfig.${name}.json`),
      JSON.stringify({ compilerOptions: { ...strict, ...options }, include }, null, 2),
    );
    try {
      await execFileAsync(process.execPath, [tsc, "-p", `tsconfig.${name}.json`], { cwd: app });
    } catch (error) {
      failures.push(`tsc (${name} resolution):\n${error.stdout}${error.stderr}`);
    }
  }),
);

// (a) Node: the compiled program, ESM; then CommonJS through require(esm); then the READMEs.
step("run in Node");
const expectations = (result, where) => {
  check(
    JSON.stringify(result.predictions?.map(Math.round)) === "[0,1,1,0]",
    `${where}: XOR predictions ${JSON.stringify(result.predictions)}, expected ≈ [0, 1, 1, 0]`,
  );
  check(result.finalLoss < 0.05, `${where}: final loss ${result.finalLoss}, expected < 0.05`);
  check(
    result.secondDerivative === 12,
    `${where}: d²/dx² x³ at 2 = ${result.secondDerivative}, expected 12`,
  );
  // GELU(x) = x Φ(x): Φ(1) = 0.8413447460685429 (erf form)
  const geluExpected = [-0.15865525393145707, 0, 0.8413447460685429];
  check(
    result.gelu?.every((v, i) => Math.abs(v - geluExpected[i]) < 1e-12),
    `${where}: gelu ${JSON.stringify(result.gelu)}, expected ${JSON.stringify(geluExpected)}`,
  );
  check(
    result.printed === "tensor([1.0000, 2.0000], dtype=float32, requiresGrad=true)",
    `${where}: printed ${result.printed}`,
  );
  check(result.roundTrip === true, `${where}: the safetensors round trip changed the weights`);
};
let nodeResult = {};
try {
  nodeResult = JSON.parse(run("node", ["build/node.js"], { cwd: app }).trim().split("\n").at(-1));
  expectations(nodeResult, "Node ESM");
  check(nodeResult.nodeSubpath === true, "Node ESM: @fluxion/nn/node did not load");
  console.log(
    `  Node: backend ${nodeResult.backend}, loss ${nodeResult.finalLoss.toExponential(3)}`,
  );
} catch (error) {
  failures.push(`Node ESM: ${error.message}`);
}
try {
  const cjs = JSON.parse(run("node", ["require.cjs"], { cwd: app }).trim().split("\n").at(-1));
  check(
    JSON.stringify(cjs) === JSON.stringify({ value: [6], linear: "function" }),
    `Node CommonJS: ${JSON.stringify(cjs)}`,
  );
} catch (error) {
  failures.push(`Node CommonJS (require(esm)): ${error.message}`);
}
for (const name of readmes) {
  try {
    const out = run("node", [`build/readme-${name}.js`], { cwd: app });
    check(out.trim().length > 0, `README of ${name}: printed nothing`);
  } catch (error) {
    failures.push(`README example of ${name}: ${error.message}`);
  }
}

// (c) Browser bundles, served over http (module scripts do not load from file://).
step("bundle with esbuild and Vite");
const esbuild = await import("esbuild");
const esbuildOut = join(work, "web-esbuild");
mkdirSync(esbuildOut);
await esbuild.build({
  entryPoints: [join(app, "browser.ts")],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  outfile: join(esbuildOut, "bundle.js"),
  logLevel: "error",
});
writeFileSync(
  join(esbuildOut, "index.html"),
  '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><body><script type="module" src="./bundle.js"></script></body>',
);
const gz = gzipSync(readFileSync(join(esbuildOut, "bundle.js"))).length;
console.log(`  esbuild bundle: ${(gz / 1024).toFixed(1)} KB minified + gzipped`);
const vite = await import("vite");
const viteOut = join(work, "web-vite");
await vite.build({
  root: app,
  logLevel: "error",
  configFile: false,
  base: "./",
  build: { outDir: viteOut, emptyOutDir: true, target: "es2022" },
});

step("run both bundles in headless Chromium");
const types = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
};
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const file = join(work, decodeURIComponent(url.pathname));
  if (!file.startsWith(work) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const port = server.address().port;
const { chromium } = await import("playwright-core");
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});
try {
  for (const [label, dir] of [
    ["esbuild", esbuildOut],
    ["Vite", viteOut],
  ]) {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
    await page.goto(`http://127.0.0.1:${port}/${relative(work, dir)}/index.html`);
    try {
      await page.waitForFunction(() => globalThis.__fluxionResult !== undefined, null, {
        timeout: 30_000,
      });
      const result = await page.evaluate(() => globalThis.__fluxionResult);
      check(!result.error, `Chromium (${label}): ${result.error}`);
      expectations(result, `Chromium (${label})`);
      // Same program, same kernels: Node and the browser agree to rounding.
      check(
        Math.abs(result.finalLoss - nodeResult.finalLoss) < 1e-6,
        `Chromium (${label}): loss ${result.finalLoss}, Node's ${nodeResult.finalLoss}`,
      );
      console.log(
        `  Chromium (${label}): backend ${result.backend}, loss ${result.finalLoss?.toExponential(3)}`,
      );
    } catch (error) {
      failures.push(`Chromium (${label}): ${error.message}`);
    }
    check(errors.length === 0, `Chromium (${label}): page errors ${errors.join("; ")}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

if (process.env.FLUXION_PACKED_KEEP) console.log(`packed-test: kept ${work}`);
else rmSync(work, { recursive: true, force: true });
step(failures.length ? `FAILED (${failures.length})` : "passed");
for (const failure of failures) console.error(`  ✗ ${failure}`);
process.exit(failures.length ? 1 : 0);
