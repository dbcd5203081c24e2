import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";
import { appEnv, serve } from "./e2e/instance-env";
import { DATABASES, PORTS } from "./e2e/ports";

/**
 * End-to-end tests: `npm run test:e2e`. Starts an SMTP sink (e2e/smtp-sink.ts)
 * and a production build of the app on 127.0.0.1:3100 with a throw-away
 * SQLite database, then drives Chromium through the real flows. Every
 * instance runs the real entry point, scripts/server.mjs (what `npm start`
 * runs), not `next start`.
 *
 * The admin console specs (e2e/console-*.spec.ts, project "console") get a
 * second instance of the same build on 127.0.0.1:3101 with its own database
 * and ADMIN_EMAILS, so switching its email connector cannot disturb the
 * sign-in specs. The front door spec (project "front-door") gets a third on
 * 127.0.0.1:3102 with the default address handling (no trusted proxy) and
 * its own per-IP budget. webServers start in order, each waited for, so the
 * later instances only start on the build the first one made.
 */

const APP_PORT = PORTS.app;
const APP_URL = `http://127.0.0.1:${APP_PORT}`;
const CONSOLE_PORT = PORTS.console;
const CONSOLE_URL = `http://127.0.0.1:${CONSOLE_PORT}`;
const CONSOLE_SPECS = /console-.*\.spec\.ts$/;
const FRONT_DOOR_URL = `http://127.0.0.1:${PORTS.frontDoor}`;
const FRONT_DOOR_SPECS = /front-door\.spec\.ts$/;

/** Fresh SQLite file (and its WAL/journal) for one app instance. */
const freshDatabase = (name: string) =>
  `rm -f .data/${name} .data/${name}-journal .data/${name}-wal .data/${name}-shm && node scripts/prepare.mjs`;

/**
 * The sign-in and console instances trust one proxy hop: the specs play the
 * reverse proxy and give each browser its own X-Forwarded-For, so they do
 * not share one per-IP budget. The front door instance trusts nothing.
 */
const behindTestProxy = { TRUSTED_PROXY_HOPS: "1" };

/** One app instance: scripts/server.mjs on 127.0.0.1:<port> with a fresh database. */
function app(db: string, port: number, env: Record<string, string>, { build = false } = {}) {
  return {
    command: `${freshDatabase(db)}${build ? " && npx next build" : ""} && node scripts/server.mjs`,
    url: `http://127.0.0.1:${port}/sign-in`,
    timeout: build ? 600_000 : 60_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: { ...appEnv, ...serve(port), DATABASE_URL: `file:./.data/${db}`, ...env },
  };
}

/** Env var, then Debian's chromium, then Playwright's own download. */
function findChromium(): string {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH || process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`Chromium not found at ${fromEnv} (from PLAYWRIGHT_CHROMIUM_PATH/CHROMIUM_PATH)`);
    return fromEnv;
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return bundled;
  throw new Error("No Chromium found: install it with `apt-get install -y chromium` or set PLAYWRIGHT_CHROMIUM_PATH");
}

export default defineConfig({
  testDir: "./e2e",
  testMatch: /.*\.spec\.ts$/,
  // One worker: the tests share the app's per-IP send cap (60/hour by default).
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  use: {
    ...devices["Desktop Chrome"],
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      // --disable-software-rasterizer: with the GPU off, Chromium still starts a GPU process to
      // emulate one in software (SwiftShader); without it pages composite in software directly.
      // Nothing here needs WebGL. Measured on a 2-vCPU machine: the orgs and account specs 168 s →
      // 144 s; the whole suite's test time 18.2 → 17.2 min.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-software-rasterizer"],
    },
  },
  projects: [
    { name: "chromium", testIgnore: [CONSOLE_SPECS, FRONT_DOOR_SPECS] },
    { name: "console", testMatch: CONSOLE_SPECS, use: { baseURL: CONSOLE_URL } },
    { name: "front-door", testMatch: FRONT_DOOR_SPECS, use: { baseURL: FRONT_DOOR_URL } },
  ],
  webServer: [
    {
      command: "node --import tsx e2e/smtp-sink.ts",
      url: `http://127.0.0.1:${PORTS.sinkHttp}/health`,
      timeout: 30_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
    // The social providers' stand-ins (OpenID Connect, Google, Entra ID, GitHub), before the apps that are set up to use them.
    {
      command: "node --import tsx tests/providers/serve.ts",
      url: `http://127.0.0.1:${PORTS.oidc}/oidc/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
    // The sender domains' DNS, for the console instance's deliverability checks (DNS_SERVERS).
    {
      command: "node --import tsx tests/dns/serve.ts",
      port: PORTS.dns,
      timeout: 30_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore" as const,
      stderr: "pipe" as const,
    },
    // The first instance builds; the others start on its build once it is up.
    app(DATABASES.app, APP_PORT, behindTestProxy, { build: true }),
    app(DATABASES.console, CONSOLE_PORT, { ...behindTestProxy, ADMIN_EMAILS: "admin@console.test", DNS_SERVERS: `127.0.0.1:${PORTS.dns}` }),
    app(DATABASES.frontDoor, PORTS.frontDoor, {}),
  ],
});
