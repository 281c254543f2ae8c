/** The Chromium executable (FLUXION_CHROMIUM, else Debian's /usr/bin/chromium). */
export const chromiumPath: string;
/** The command-line flags it is launched with. */
export const chromiumArgs: string[];
