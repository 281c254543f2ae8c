// End-to-end test of the playground in real headless Chromium: build the page with Vite, serve the
// static files, train, and check what a user sees (loss falling, the boundary drawn, the URL
// round-tripping the configuration, compare mode, phone width, no console errors).
// Needs Chromium at /usr/bin/chromium (`apt-get install -y chromium`; .ci/run installs it) or
// FLUXION_CHROMIUM=<path>. Without it the tests are skipped, except under CI, where they fail.
// PLAYGROUND_SCREENSHOT=1 also writes docs/playground.png (`pnpm playground:screenshot`).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, chromiumPath } from "../../../scripts/chromium.mjs";
import { decodeConfig, defaultConfig, encodeConfig } from "../src/engine/index.js";
import type { PlaygroundConfig } from "../src/engine/protocol.js";

const here = dirname(fileURLToPath(import.meta.url));
const playground = resolve(here, "..");
const repoRoot = resolve(playground, "../..");
const hasChromium = existsSync(chromiumPath);
const execFileAsync = promisify(execFile);

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** A static file server over `dir`, without cross-origin isolation headers (the page must not need them). */
function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) && file !== dir) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      ok({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}

/** `vite build` of the playground into `outDir`, in a child process (not inside vitest's own Vite). */
async function build(outDir: string): Promise<void> {
  const require = createRequire(join(playground, "package.json"));
  const vite = join(dirname(require.resolve("vite/package.json")), "bin", "vite.js");
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (key.startsWith("VITEST") || key === "NODE_ENV") delete env[key];
  await execFileAsync(
    process.execPath,
    [vite, "build", "--outDir", outDir, "--logLevel", "error"],
    {
      cwd: playground,
      env,
    },
  );
}

/** The stats table's value for one network ("A" or "B"). */
async function stat(page: Page, network: string, key: string): Promise<string> {
  const text = await page
    .locator(`#stats tr[data-config="${network}"] td[data-stat="${key}"]`)
    .textContent();
  return text ?? "";
}

async function waitForStep(page: Page, network: string, atLeast: number, timeout = 60_000) {
  await page.waitForFunction(
    ([n, k]) => {
      const cell = document.querySelector(`#stats tr[data-config="${n}"] td[data-stat="step"]`);
      return Number(cell?.textContent ?? "0") >= Number(k);
    },
    [network, String(atLeast)] as const,
    { timeout },
  );
}

/** Pixels of a canvas that are drawn (not transparent), and how many lean to each class colour. */
async function canvasInk(page: Page, selector: string) {
  return page.locator(selector).evaluate((node) => {
    if (!(node instanceof HTMLCanvasElement)) throw new Error("not a canvas");
    const ctx = node.getContext("2d");
    if (!ctx) throw new Error("no 2d context");
    const { data } = ctx.getImageData(0, 0, node.width, node.height);
    let drawn = 0;
    let orange = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r = 0, , b = 0, a = 0] = data.subarray(i, i + 4);
      if (a === 0) continue;
      drawn++;
      if (r > b + 40) orange++;
      if (b > r + 40) blue++;
    }
    return { total: data.length / 4, drawn, orange, blue };
  });
}

/** The controls' values as a configuration column shows them. */
async function readControls(page: Page, column: "a" | "b") {
  const value = (scope: string, key: string) =>
    page.locator(`${scope} [data-key="${key}"]`).first().inputValue();
  const scope = `#config-${column}`;
  return {
    dataset: await value("#data-fields", "dataset"),
    noise: Number(await value("#data-fields", "noise")),
    trainFraction: Number(await value("#data-fields", "trainFraction")),
    samples: Number(await value("#data-fields", "samples")),
    seed: Number(await value("#data-fields", "seed")),
    depth: Number(await value(scope, "depth")),
    width: Number(await value(scope, "width")),
    activation: await value(scope, "activation"),
    init: await value(scope, "init"),
    optimizer: await value(scope, "optimizer"),
    lr: Number(await value(scope, "lr")),
    batchSize: Number(await value(scope, "batchSize")),
  };
}

function withoutOptions({ activationOptions: _, ...rest }: PlaygroundConfig) {
  return rest;
}

// Like the packed-package test, this needs Chromium: without it, it fails with how to get it.
if (!hasChromium) {
  describe("playground in Chromium", () => {
    it("needs Chromium", () => {
      throw new Error(
        `no Chromium at ${chromiumPath}: apt-get install -y chromium (.ci/run does), or set FLUXION_CHROMIUM`,
      );
    });
  });
} else {
  describe("playground in Chromium", () => {
    let browser: Browser;
    let server: Server;
    let origin = "";
    let outDir = "";
    const errors: string[] = [];

    beforeAll(async () => {
      if (!hasChromium)
        throw new Error(
          `CI is set but there is no Chromium at ${chromiumPath}: .ci/run installs it (apt-get install -y chromium)`,
        );
      outDir = mkdtempSync(join(tmpdir(), "fluxion-playground-"));
      await build(outDir);
      ({ server, origin } = await serve(outDir));
      const { chromium } = await import("playwright-core");
      browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      server?.close();
      if (outDir) rmSync(outDir, { recursive: true, force: true });
    });

    async function open(search: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
      const page = await browser.newPage({ viewport });
      page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
      page.on("console", (msg) => {
        if (msg.type() === "error" || msg.type() === "warning")
          errors.push(`console ${msg.type()}: ${msg.text()}`);
      });
      await page.goto(`${origin}/${search}`);
      // The first snapshot (step 0) fills the stats row.
      await page.waitForFunction(
        () => document.querySelector('#stats td[data-stat="trainLoss"]')?.textContent !== "–",
        null,
        { timeout: 45_000 },
      );
      return page;
    }

    it("trains a few hundred steps: the loss falls and the boundary is drawn", async () => {
      const config: PlaygroundConfig = { ...defaultConfig, dataset: "moons", depth: 3, width: 8 };
      const page = await open(`?${encodeConfig(config)}`);
      const before = Number(await stat(page, "A", "trainLoss"));
      expect(before).toBeGreaterThan(0);
      await page.locator("#step").click();
      await waitForStep(page, "A", 1);

      // Space on the page (not in a field) plays.
      await page.locator("h1").click();
      await page.keyboard.press("Space");
      await expect.poll(() => page.locator("#play").getAttribute("aria-pressed")).toBe("true");
      await waitForStep(page, "A", 300);
      await page.keyboard.press("Space");
      await expect.poll(() => page.locator("#play").getAttribute("aria-pressed")).toBe("false");

      const after = Number(await stat(page, "A", "trainLoss"));
      expect(after).toBeLessThan(before * 0.8);
      const ink = await canvasInk(page, '#boundary canvas[data-config="A"]');
      expect(ink.drawn / ink.total).toBeGreaterThan(0.5);
      // Both classes' colours are on the map: the model separates them.
      expect(ink.orange).toBeGreaterThan(ink.total * 0.02);
      expect(ink.blue).toBeGreaterThan(ink.total * 0.02);
      for (const id of ["#loss", "#accuracy", "#grads", "#dead"]) {
        const chart = await canvasInk(page, id);
        expect(chart.drawn, id).toBeGreaterThan(chart.total * 0.01);
      }

      if (process.env.PLAYGROUND_SCREENSHOT) {
        // The picture for the README: a while longer, so the boundary has bent around the moons.
        await page.locator("#play").click();
        await waitForStep(page, "A", 900);
        await page.locator("#play").click();
        await page.waitForTimeout(500);
        const shot = join(repoRoot, "docs", "playground.png");
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: shot });
        expect(statSync(shot).size).toBeLessThan(300 * 1024);
      }
      await page.close();
      expect(errors).toEqual([]);
    }, 120_000);

    it("round-trips the configuration through the URL, and fits a phone screen", async () => {
      const config: PlaygroundConfig = {
        ...defaultConfig,
        dataset: "circles",
        noise: 0.2,
        seed: 42,
        depth: 7,
        activation: "relu",
        activationOptions: {},
        optimizer: "sgd",
        lr: 0.003,
        batchSize: 32,
      };
      const page = await open(`?${encodeConfig(config)}`);
      expect(await readControls(page, "a")).toEqual(withoutOptions(config));

      // A change to a control goes into the URL (and nothing else changes).
      await page.locator('#config-a [data-key="depth"]').fill("12");
      await page.locator('#config-a [data-key="depth"]').press("Tab");
      await expect.poll(() => decodeConfig(new URL(page.url()).search).config.depth).toBe(12);
      const decoded = decodeConfig(new URL(page.url()).search);
      expect(decoded.errors).toEqual([]);
      expect(decoded.config).toEqual({ ...config, depth: 12 });

      // Copy link: to the clipboard, or (no clipboard permission, as here) shown selected.
      await page.locator("#copy-link").click();
      await expect
        .poll(() => page.locator("#toolbar-status").textContent())
        .toMatch(/copied|Copy the selected link/);
      if (await page.locator("#link").isVisible())
        expect(await page.locator("#link").inputValue()).toBe(page.url());

      // An invalid value is flagged on the control and kept out of the URL.
      await page.locator('#config-a [data-key="width"]').fill("0");
      await page.locator('#config-a [data-key="width"]').press("Tab");
      await expect
        .poll(() => page.locator('#config-a [data-key="width"]').getAttribute("aria-invalid"))
        .toBe("true");
      expect(decodeConfig(new URL(page.url()).search).config.width).toBe(config.width);
      await page.close();

      // A link with an unreadable field opens with a message, not an exception (here on a phone-
      // width screen, which must not scroll sideways).
      const bad = await open("?depth=abc&data=moons", { width: 390, height: 844 });
      const overflow = await bad.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expect.poll(() => bad.locator("#notices").textContent()).toContain("depth");
      expect(Number(await bad.locator('#config-a [data-key="depth"]').inputValue())).toBe(
        defaultConfig.depth,
      );
      await bad.close();
      expect(errors).toEqual([]);
    }, 120_000);

    it("compare mode trains two networks on the same data, and its link restores both", async () => {
      const page = await open("?");
      await page.locator("#compare").check();
      await expect.poll(() => page.locator("#config-b").isVisible()).toBe(true);
      await page.locator('#config-b [data-key="activation"]').selectOption("relu");
      await page.locator("#play").click();
      await waitForStep(page, "A", 20);
      await waitForStep(page, "B", 20);
      await page.locator("#play").click();
      expect(await page.locator("#stats tbody tr").count()).toBe(2);
      for (const network of ["A", "B"]) {
        const ink = await canvasInk(page, `#boundary canvas[data-config="${network}"]`);
        expect(ink.drawn / ink.total, network).toBeGreaterThan(0.5);
      }
      const link = new URL(page.url()).search;
      expect(decodeConfig(link, "b.").config.activation).toBe("relu");
      await page.close();

      const restored = await open(link);
      expect(await restored.locator("#compare").isChecked()).toBe(true);
      expect(await readControls(restored, "b")).toMatchObject({ activation: "relu" });
      expect(await restored.locator("#stats tbody tr").count()).toBe(2);
      await restored.close();
      expect(errors).toEqual([]);
    }, 120_000);

    it("a run whose loss stops being finite halts with a message", async () => {
      const config: PlaygroundConfig = {
        ...defaultConfig,
        activation: "relu",
        activationOptions: {},
        depth: 8,
        width: 32,
        init: "kaimingNormal",
        optimizer: "momentum",
        lr: 10,
        batchSize: 4,
      };
      const page = await open(`?${encodeConfig(config)}`);
      await page.locator("#play").click();
      await page.waitForFunction(
        () => document.querySelector("#alerts")?.textContent?.includes("diverged"),
        null,
        { timeout: 30_000 },
      );
      expect(await page.locator("#alerts").textContent()).toMatch(
        /Network A diverged at step \d+: the loss is no longer a finite number/,
      );
      await expect.poll(() => page.locator("#play").getAttribute("aria-pressed")).toBe("false");
      // Reset clears the message.
      await page.locator("#reset").click();
      await expect.poll(() => page.locator("#alerts").textContent()).toBe("");
      await page.close();
      expect(errors).toEqual([]);
    }, 120_000);
  });
}
