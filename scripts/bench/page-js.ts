// What a page makes the browser download as JavaScript: every script
// response Chromium receives while the page loads, each gzipped at level 9
// (what a CDN would serve), with a guess at what the bigger chunks hold.
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";

export type ScriptChunk = { url: string; rawBytes: number; gzipBytes: number; guess: string };
export type PageJs = { path: string; status: number; scripts: ScriptChunk[]; gzipBytes: number };

/** Flags that keep Chromium from fetching anything of its own while we count. */
const QUIET_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export function launchChromium(executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"): Promise<Browser> {
  return chromium.launch({ executablePath, args: QUIET_FLAGS });
}

/**
 * Production chunks carry no module paths, so a chunk is named by strings
 * that survive minification. Several may match one chunk (turbopack merges
 * modules); all are listed.
 */
const SIGNATURES: [string, RegExp][] = [
  ["turbopack runtime", /TURBOPACK_CHUNK_LISTS|registerChunk/],
  ["react-dom", /__reactContainer\$|react-stack-bottom-frame/],
  ["next app router", /NEXT_REDIRECT|__next_f|next-router-state-tree/],
  ["next-intl/use-intl", /MISSING_MESSAGE|INSUFFICIENT_PATH|NextIntlClientProvider/],
  ["intl-messageformat", /MALFORMED_ARGUMENT|UNCLOSED_TAG|INVALID_ARGUMENT_TYPE/],
  ["app: code input", /code-box/],
  ["app: password input", /password-toggle/],
  ["app: error page", /dbTitle|DATABASE_UNAVAILABLE/],
];

export function guessChunk(source: string): string {
  const names = SIGNATURES.filter(([, pattern]) => pattern.test(source)).map(([name]) => name);
  return names.length ? names.join(" + ") : "app code";
}

/** Loads `path` in `page` until the network is idle, counting each script URL once. */
export async function measurePage(page: Page, origin: string, path: string): Promise<PageJs> {
  const seen = new Map<string, Promise<ScriptChunk | null>>();
  const onResponse = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() !== "script" || seen.has(response.url())) return;
    seen.set(
      response.url(),
      response.body().then(
        (body) => ({ url: response.url(), rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length, guess: guessChunk(body.toString("utf8")) }),
        () => null, // a response without a body (a redirect): nothing downloaded
      ),
    );
  };
  page.on("response", onResponse);
  try {
    const response = await page.goto(`${origin}${path}`, { waitUntil: "networkidle" });
    const scripts = (await Promise.all(seen.values())).filter((chunk): chunk is ScriptChunk => chunk !== null);
    scripts.sort((a, b) => b.gzipBytes - a.gzipBytes);
    return { path, status: response?.status() ?? 0, scripts, gzipBytes: scripts.reduce((sum, chunk) => sum + chunk.gzipBytes, 0) };
  } finally {
    page.off("response", onResponse);
  }
}
