// Fluxion runs in browsers: the three packages bundle for the browser platform (no Node built-in is
// reachable) and run in a sandbox that has only web-standard globals: no process, no require.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { build as viteBuild } from "vite";
import { beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** Runs bundled code with web-standard globals only and returns what it stored in `result`. */
function runInBrowserSandbox(code: string): unknown {
  const sandbox: Record<string, unknown> = {
    WebAssembly: (globalThis as Record<string, unknown>).WebAssembly,
    console,
    URL,
    atob,
    btoa,
    TextEncoder,
    TextDecoder,
    performance,
  };
  sandbox.globalThis = sandbox;
  runInContext(code, createContext(sandbox));
  return sandbox.result;
}

const entry = `
import { getBackend, grad, manualSeed, tensor } from "@fluxion/core";
import { binaryCrossEntropyWithLogits, Linear, SGD, Sequential, Tanh } from "@fluxion/nn";
manualSeed(0);
const X = tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
const y = tensor([0, 1, 1, 0]);
const model = new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 1));
const opt = new SGD(model.parameters(), { lr: 0.5, momentum: 0.9 });
const losses = [];
for (let step = 0; step < 200; step++) {
  opt.zeroGrad();
  const loss = binaryCrossEntropyWithLogits(model.call(X).squeeze(-1), y);
  loss.backward();
  opt.step();
  losses.push(loss.item());
}
globalThis.result = {
  backend: getBackend().name,
  first: losses[0],
  last: losses[losses.length - 1],
  secondDerivative: grad(grad((x) => x.pow(3).sum()))(tensor(2)).item(),
};
`;

describe("browser bundle", () => {
  it("bundles for the browser and trains with web-standard globals only", async () => {
    const out = await build({
      stdin: { contents: entry, resolveDir: import.meta.dirname, loader: "ts" },
      bundle: true,
      platform: "browser",
      format: "iife",
      conditions: ["@fluxion/source"],
      write: false,
      logLevel: "silent",
    });
    const code = out.outputFiles[0]?.text ?? "";
    const result = runInBrowserSandbox(code) as {
      backend: string;
      first: number;
      last: number;
      secondDerivative: number;
    };
    expect(result.backend).toBe("wasm");
    expect(result.last).toBeLessThan(result.first / 10);
    expect(result.secondDerivative).toBeCloseTo(12, 4);
  });
});

// The programs in ./bundles, bundled against the packages as published: their built dist and the
// package.json `exports` without the @fluxion/source condition, so the `sideEffects` fields apply
// exactly as they do for a user. Each program type-checks (test/tsconfig.json includes it), so each
// must also run: a method the types promise must survive tree-shaking.
const bundlers = {
  async esbuild(entry: string): Promise<string> {
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      platform: "browser",
      format: "iife",
      write: false,
      logLevel: "silent",
    });
    return out.outputFiles[0]?.text ?? "";
  },
  async vite(entry: string): Promise<string> {
    const out = await viteBuild({
      configFile: false,
      root,
      logLevel: "silent",
      build: {
        lib: { entry, formats: ["iife"], name: "program" },
        write: false,
        minify: false,
        emptyOutDir: false,
      },
    });
    const outputs = Array.isArray(out) ? out : [out];
    for (const o of outputs) {
      if ("output" in o) {
        const chunk = o.output.find((f) => f.type === "chunk");
        if (chunk && chunk.type === "chunk") return chunk.code;
      }
    }
    throw new Error("vite produced no chunk");
  },
};

const relu = (v: unknown): unknown => (Array.isArray(v) ? v.map(relu) : Math.max(0, Number(v)));

describe.each(Object.entries(bundlers))("bundled by %s for the browser, from dist", (_, bundle) => {
  beforeAll(async () => {
    // Build dist from the sources as `pnpm build` and `prepack` do (tsconfig.build.json).
    await promisify(execFile)(
      process.execPath,
      [join(root, "scripts/build-package.mjs"), "packages/nn"],
      { cwd: root },
    );
  }, 300_000);

  it("only @fluxion/nn imported: layers' tensors have core's and the activations' methods", async () => {
    const result = runInBrowserSandbox(await bundle(join(root, "test/bundles/only-nn.ts"))) as {
      relu: unknown;
      expectedRelu: unknown;
      shape: number[];
      gradShape: number[] | null;
    };
    expect(result.relu).toEqual(relu(result.expectedRelu));
    expect(result.shape).toEqual([2, 2]);
    expect(result.gradShape).toEqual([2, 3]);
  });

  it("@fluxion/core and one function of @fluxion/activations: x.tanh() and x.softplus() exist", async () => {
    const result = runInBrowserSandbox(
      await bundle(join(root, "test/bundles/core-and-one-activation.ts")),
    ) as { relu: number[]; tanh: number[]; softplus: number[]; grad: number[] | null };
    const xs = [-2, -0.5, 0, 1.5];
    expect(result.relu).toEqual(xs.map((v) => Math.max(0, v)));
    expect(result.tanh).toHaveLength(4);
    expect(result.softplus).toHaveLength(4);
    xs.forEach((x, i) => {
      expect(result.tanh[i]).toBeCloseTo(Math.tanh(x), 6);
      expect(result.softplus[i]).toBeCloseTo(Math.log1p(Math.exp(x)), 6);
    });
    expect(result.grad).toHaveLength(4);
  });

  it("a bare import of @fluxion/activations installs the activation methods", async () => {
    const result = runInBrowserSandbox(
      await bundle(join(root, "test/bundles/bare-activations.ts")),
    ) as { relu: number[]; tanh: number[]; sum: number };
    expect(result.relu).toEqual([0, 0, 2]);
    expect(result.tanh).toHaveLength(3);
    [-1, 0, 2].forEach((x, i) => {
      expect(result.tanh[i]).toBeCloseTo(Math.tanh(x), 6);
    });
    expect(result.sum).toBe(1);
  });
});
