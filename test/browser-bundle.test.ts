// Fluxion runs in browsers: the three packages bundle for the browser platform (no Node built-in is
// reachable) and run in a sandbox that has only web-standard globals: no process, no require.
import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

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
    const result = sandbox.result as {
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
