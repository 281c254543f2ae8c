import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (the "@fluxion/source" export condition),
// so tests run without a build. Vitest runs tests through the SSR pipeline, which ignores
// `resolve.conditions`: the condition must be set in `ssr.resolve.conditions` too.
const sourceCondition = "@fluxion/source";

export default defineConfig({
  resolve: {
    conditions: [sourceCondition, ...defaultClientConditions],
  },
  ssr: {
    resolve: {
      conditions: [sourceCondition, ...defaultServerConditions],
    },
  },
  test: {
    exclude: ["**/node_modules/**", "**/dist/**"],
    // FLUXION_BACKEND=cpu|wasm picks the backend every test runs on.
    setupFiles: ["./vitest.setup.ts"],
    // Two cores: one worker per core. Forks (the default pool) isolate native crashes and
    // worker_threads-based code under test better than the threads pool does.
    pool: "forks",
    maxWorkers: 2,
    // Property tests on numeric code can be slow on a loaded CI machine.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "default",
          include: ["packages/**/src/**/*.test.ts", "test/**/*.test.ts", "examples/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/dist/**", "examples/playground/e2e/**"],
        },
      },
      // The playground in real Chromium: a renderer and training workers keep the CPU busy, so
      // `pnpm test` runs this project alone, after the others (`--project '!playground-e2e'` there).
      {
        extends: true,
        test: {
          name: "playground-e2e",
          include: ["examples/playground/e2e/**/*.test.ts"],
        },
      },
      // The wasm kernels' relaxed-SIMD build (fused multiply-add), which Node 20 runs only behind
      // this flag (Node ≥ 22 and Chrome ≥ 114 by default): its conformance with the CPU backend.
      {
        extends: true,
        test: {
          name: "relaxed-simd",
          include: ["packages/core/src/backend/wasm/conformance.test.ts"],
          execArgv: ["--experimental-wasm-relaxed-simd"],
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**/*.ts"],
      exclude: ["**/*.test.ts"],
    },
  },
});
