/**
 * Headless Debian Chromium (apt package `chromium`) driven by playwright-core, as the e2e test and the
 * preview bench use it: a fresh profile, nothing but the local server reachable. Every other request is
 * aborted and recorded in `blocked`, so a caller can assert that the page asked for nothing remote.
 */
import type { BrowserContext } from "playwright-core";

/** `npx playwright install` cannot download here; Debian's chromium is used instead. */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export interface LocalChromium {
  context: BrowserContext;
  /** Addresses of requests that were not to 127.0.0.1/localhost, in order (all aborted). */
  blocked: string[];
}

export async function launchLocalChromium(
  profileDir: string,
  options: {
    acceptDownloads?: boolean;
    /** Also let these through (e.g. the offline page's own file:// URL); everything else non-local is aborted. */
    allow?: (url: URL) => boolean;
  } = {},
): Promise<LocalChromium> {
  // Imported here so that a caller can report a missing Chromium before playwright-core is loaded.
  const { chromium } = await import("playwright-core");
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: options.acceptDownloads ?? false,
    locale: "zh-CN",
    viewport: { width: 1400, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol.startsWith("http") && (url.hostname === "127.0.0.1" || url.hostname === "localhost"))
      return route.continue();
    if (options.allow?.(url)) return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  return { context, blocked };
}
