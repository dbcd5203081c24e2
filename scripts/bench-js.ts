// `npm run bench:js`: how much JavaScript each main page makes the browser
// download in a production build (issue 12's budget for /sign-in). Starts
// the app like `npm run bench` (scripts/bench/app.ts, reusing .next), loads
// each page in Chromium (CHROMIUM_PATH, /usr/bin/chromium by default) and
// prints the gzip -9 sum of its script responses with the largest chunks.
// A missing page is the floor: the root layout and Next's runtime alone.
// A script, not a test: it prints a table and writes .data/bench-js.json.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { hash } from "@node-rs/argon2";
import { HASH_OPTIONS } from "../lib/auth/password-options";
import { ensureBuild, prepareDatabase, seedDatabase, startApp, type RunningApp } from "./bench/app";
import { launchChromium, measurePage, type PageJs } from "./bench/page-js";
import { startSmtpSink, type SmtpSink } from "./bench/smtp-sink";
import { fmt, table } from "./bench/table";

process.chdir(fileURLToPath(new URL("..", import.meta.url)));

const ANONYMOUS = ["/sign-in", "/sign-up", "/no-such-page"];
const SIGNED_IN = ["/account", "/console"];
const ADMIN = { email: "bench-js@mailgate.test", password: "bench js password for the admin" };
const TOP_CHUNKS = 5;
const RESULT_FILE = ".data/bench-js.json";
const kb = (bytes: number) => fmt(bytes / 1024);

async function main(): Promise<void> {
  await ensureBuild();
  prepareDatabase();
  seedDatabase([ADMIN.email], await hash(ADMIN.password, HASH_OPTIONS));
  let sink: SmtpSink | undefined;
  let app: RunningApp | undefined;
  const browser = await launchChromium();
  try {
    sink = await startSmtpSink(); // a new-sign-in notice may be sent
    // The admin sees the console (lib/env.ts reads ADMIN_EMAILS in the app's process).
    process.env.ADMIN_EMAILS = ADMIN.email;
    app = await startApp(sink.port);
    const origin = app.origin;
    const context = await browser.newContext();
    const pages: PageJs[] = [];
    const measure = async (path: string) => {
      const page = await context.newPage();
      pages.push(await measurePage(page, origin, path));
      await page.close();
    };
    for (const path of ANONYMOUS) await measure(path);
    const page = await context.newPage();
    await page.goto(`${origin}/sign-in`);
    await page.fill("#field-email", ADMIN.email);
    await page.fill("#field-password", ADMIN.password);
    await Promise.all([page.waitForURL((url) => url.pathname !== "/sign-in"), page.click("button[type=submit]")]);
    await page.close();
    for (const path of SIGNED_IN) await measure(path);
    report(pages);
    writeFileSync(RESULT_FILE, `${JSON.stringify({ origin, pages }, null, 2)}\n`);
    console.log(`\nbench:js: details in ${RESULT_FILE}`);
  } finally {
    await browser.close();
    await app?.stop();
    await sink?.close();
  }
}

function report(pages: PageJs[]): void {
  console.log(table([["page", "status", "scripts", "gzip KB"], ...pages.map((p) => [p.path, String(p.status), String(p.scripts.length), kb(p.gzipBytes)])], [false, true, true, true]));
  for (const p of pages) {
    console.log(`\n${p.path}: largest chunks`);
    const rows = p.scripts.slice(0, TOP_CHUNKS).map((s) => [new URL(s.url).pathname.replace(/^\/_next\/static\/chunks\//, ""), kb(s.gzipBytes), kb(s.rawBytes), s.guess]);
    console.log(table([["chunk", "gzip KB", "raw KB", "holds (guess)"], ...rows], [false, true, true, false]));
  }
}

main().catch((error: unknown) => {
  console.error(`bench:js: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
