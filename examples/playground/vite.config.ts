// The playground's build: the page and its training worker, bundled from the workspace packages'
// TypeScript sources (the "@fluxion/source" export condition), to static files in dist/.
import { fileURLToPath } from "node:url";
import { defaultClientConditions, defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const conditions = ["@fluxion/source", ...defaultClientConditions];

export default defineConfig({
  root,
  // Relative asset URLs: dist/ works from any path (a subfolder of a static host, a file server).
  base: "./",
  resolve: { conditions },
  worker: {
    format: "es",
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The worker carries Fluxion's wasm kernels inline; a few hundred KB is expected.
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
