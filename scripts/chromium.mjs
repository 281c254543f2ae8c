// The Chromium the browser tests run (the packed-package test and the playground's e2e test):
// Debian's by default (.ci/run installs it), or FLUXION_CHROMIUM; headless, no sandbox, nothing
// fetched in the background.

/** The Chromium executable. */
export const chromiumPath = process.env.FLUXION_CHROMIUM ?? "/usr/bin/chromium";

/** The command-line flags it is launched with. */
export const chromiumArgs = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
