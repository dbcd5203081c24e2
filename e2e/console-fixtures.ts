/**
 * Helpers for the admin console specs (e2e/console-*.spec.ts, Playwright
 * project "console"). They run against the SECOND app instance,
 * 127.0.0.1:3101 (`.data/e2e-console.db`, ADMIN_EMAILS=admin@console.test),
 * so changing its email connector never disturbs the sign-in specs on 3100.
 *
 * Accounts on 3101
 * - The console is for the owner (the first account ever created) and
 *   ADMIN_EMAILS. admin@console.test is made straight in the database
 *   (e2e/seed) the first time a worker needs it, BEFORE anyone else: the
 *   `users` fixture and `signUpUser` make sure of it, so a plain user can
 *   never become the owner, whichever spec runs first. Its session is made
 *   once per worker and stored (storageState): `adminPage` and
 *   `signInAsAdmin` reuse it instead of signing in again.
 *
 * Where the emails of 3101 go (read codes with `waitForAnyCode`)
 * - Fresh database: the environment's connector, SMTP to the sink's open
 *   listener 127.0.0.1:2525 (messages have `port: 2525`).
 * - During console-connectors.spec.ts the console switches to the sink's
 *   AUTH listener (2527) and to the HTTP connector (POST /http-hook).
 * - STATE LEFT BEHIND by console-connectors.spec.ts: a connector saved in
 *   the console, SMTP to 127.0.0.1:2525 without AUTH, from
 *   `Console E2E <no-reply@console.test>`. Emails land in the sink's
 *   /messages exactly as with the environment's connector, and
 *   `mailbox.failNext()` works as on 3100. Sign-up, code sign-in and
 *   password reset stay on (the defaults).
 *
 * Addresses: this file's `uniqueConsoleEmail` (@users.console.test) for
 * users the connector spec creates; other console specs use uniqueEmail
 * (@mailgate.test), so masked addresses of the two never collide.
 *
 * Retries are fast on both instances (OUTBOX_RETRY_BASE_SECONDS=2,
 * OUTBOX_POLL_SECONDS=0.5): a message refused with 451 is retried within a
 * few seconds.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PORTS } from "./ports";
import { expect, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { extractCode, instanceAt, mailbox, SINK_URL, step, submitCode, SUITE_BROWSER, test as base, uniquePassword, type Credentials, type SinkMessage } from "./fixtures";
import { usersOf, type UserWithPassword } from "./seed/users";
import type { HookMessage } from "./smtp-sink";

export { expect, mailbox, SINK_URL, extractCode, uniquePassword };
export type { Credentials, HookMessage, SinkMessage };

/** The console instance; every helper here uses absolute URLs, so any page works. */
export const CONSOLE_URL = process.env.E2E_CONSOLE_URL ?? `http://127.0.0.1:${PORTS.console}`;

/** In ADMIN_EMAILS of the 3101 instance (playwright.config.ts). Fixed so every console spec can sign in. */
export const ADMIN: Readonly<Credentials> = { email: "admin@console.test", password: "Console admin passphrase 2026" };

/** The sink's SMTP listeners: 2525 accepts anything, 2527 requires AUTH with SINK_AUTH. */
export const SINK_SMTP_PORT = PORTS.smtp;
export const SINK_AUTH_SMTP_PORT = PORTS.smtpAuth;
export const SINK_AUTH = { user: "console", password: "console-secret" } as const;
/** Where the HTTP connector can POST (the sink's receiver). */
export const HTTP_HOOK_URL = `${SINK_URL}/http-hook`;

const POLL_MS = 200;
const WAIT_MS = 15_000;

export const consoleUrl = (path: string) => new URL(path, CONSOLE_URL).toString();

// ---------------------------------------------------------------- http hook

/** Bodies POSTed to the sink's /http-hook whose `to` is `to` (all if omitted), newest first. */
export async function hookMessages(to?: string): Promise<HookMessage[]> {
  const res = await fetch(`${SINK_URL}/http-hook/messages${to ? `?to=${encodeURIComponent(to)}` : ""}`);
  if (!res.ok) throw new Error(`SMTP sink answered ${res.status} for GET /http-hook/messages`);
  return (await res.json()) as HookMessage[];
}

/** Polls /http-hook until a request for `to` received at or after `after` satisfies `predicate`; returns the newest. */
export async function waitForHookMessage(
  to: string,
  predicate: (message: HookMessage) => boolean = () => true,
  { after, timeout = WAIT_MS }: { after?: Date; timeout?: number } = {},
): Promise<HookMessage> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const list = await hookMessages(to);
    const found = list.find((m) => (!after || new Date(m.date) >= after) && predicate(m));
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`No matching /http-hook request for ${to} within ${timeout / 1000}s; got ${list.length}: ${list.map((m) => hookType(m)).join(", ")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The HTTP connector's body fields the tests read (see lib/connectors/http/request-body.ts). */
export type HookBody = { to: string; type: string; payload: Record<string, string | number | undefined> & { subject: string; text: string } };
export const hookBody = (message: HookMessage) => message.body as HookBody;
export const hookType = (message: HookMessage) => hookBody(message)?.type ?? "(no type)";
/** The code of a hook message: `payload.code`. */
export const hookCode = (message: HookMessage) => {
  const code = hookBody(message)?.payload?.code;
  return code === undefined ? null : String(code);
};

export async function clearHookMessages(): Promise<void> {
  await fetch(`${SINK_URL}/http-hook/messages`, { method: "DELETE" });
}

/** The next `count` requests to /http-hook are answered with `status` (default 503). */
export async function failNextHook(count: number, status = 503): Promise<void> {
  const res = await fetch(`${SINK_URL}/http-hook/fail?count=${count}&status=${status}`, { method: "POST" });
  if (!res.ok) throw new Error(`SMTP sink answered ${res.status} for POST /http-hook/fail`);
}

/** The next `count` SMTP messages (either listener) are refused at DATA with `code message` (e.g. 550 "5.1.1 No such user"). */
export async function failNextSmtp(count: number, code = 451, message?: string): Promise<void> {
  const query = new URLSearchParams({ count: String(count), code: String(code), ...(message ? { message } : {}) });
  const res = await fetch(`${SINK_URL}/fail?${query}`, { method: "POST" });
  if (!res.ok) throw new Error(`SMTP sink answered ${res.status} for POST /fail`);
}

// ---------------------------------------------------------------- codes

export type ReceivedCode =
  | { code: string; via: "smtp"; message: SinkMessage }
  | { code: string; via: "http"; message: HookMessage };

/**
 * Waits for a code to `to` sent at or after `after`, through whichever
 * connector 3101 uses right now: an SMTP listener of the sink or /http-hook.
 */
export async function waitForAnyCode(to: string, { after, timeout = WAIT_MS }: { after: Date; timeout?: number }): Promise<ReceivedCode> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const mail = (await mailbox.messages(to)).find((m) => new Date(m.date) >= after && extractCode(m) !== null);
    if (mail) return { code: extractCode(mail)!, via: "smtp", message: mail };
    const hook = (await hookMessages(to)).find((m) => new Date(m.date) >= after && hookCode(m) !== null);
    if (hook) return { code: hookCode(hook)!, via: "http", message: hook };
    if (Date.now() > deadline) throw new Error(`No code for ${to} within ${timeout / 1000}s, neither in the SMTP sink nor at /http-hook`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

// ---------------------------------------------------------------- accounts

/**
 * `connectors-smtp-3f9a1c2b7d@users.console.test`: unique per call. The
 * connector spec signs its users up at this domain, not uniqueEmail's
 * @mailgate.test, so their masked addresses in the deliveries list
 * (`e•••d@mailgate.test`) can never be mistaken for another spec's.
 */
export function uniqueConsoleEmail(prefix: string): string {
  const slug = prefix.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "user";
  return `${slug}-${randomBytes(5).toString("hex")}@users.console.test`;
}

/** Accounts on the console instance, made in its database, as if from the suite's Chromium. */
const consoleUsers = () => usersOf(instanceAt(CONSOLE_URL), SUITE_BROWSER);

let admin: Promise<UserWithPassword> | undefined;

/**
 * admin@console.test, made once per worker. The database lives for the
 * whole run (and longer when the server is reused), so an existing account
 * is kept as it is.
 */
export function ensureAdmin(): Promise<UserWithPassword> {
  admin ??= consoleUsers().create({ email: ADMIN.email, password: ADMIN.password, ifMissing: true });
  return admin;
}

/**
 * Signs up `email` (not an admin) through the sign-up page on 3101 in
 * `page`, whose context must be signed out: for the specs about where
 * sign-up codes go. (A spec that only needs an account uses the `users`
 * fixture.) Makes sure the admin exists first, so this user is never the
 * owner. Returns the credentials and where the sign-up code came from
 * (`received.via`, the SMTP `port`…); ends signed in at "/".
 */
export async function signUpUser(page: Page, email: string, password: string = uniquePassword()): Promise<Credentials & { received: ReceivedCode }> {
  await ensureAdmin();
  const credentials = { email, password };
  const received = await step(`sign up ${email} on the console instance`, () => signUpThroughUi(page, credentials));
  return { ...credentials, received };
}

/**
 * The sign-up page, step by step, returning where the code came from (SMTP
 * listener port or /http-hook) so a test can prove which connector sent it.
 */
async function signUpThroughUi(page: Page, { email, password }: Credentials): Promise<ReceivedCode> {
  await page.goto(consoleUrl("/sign-up"));
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  const after = new Date();
  await page.getByRole("button", { name: "Create account", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/sign-up/verify");
  const received = await waitForAnyCode(email, { after });
  await submitCode(page, received.code);
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  return received;
}

/** What a page shows a reader: its document title and its visible text. */
async function seen(page: Page): Promise<{ title: string; text: string }> {
  return { title: await page.title(), text: await page.locator("body").innerText() };
}

/**
 * Asserts that `path` on 3101 answers 404 for whoever `page` is signed in as
 * (or nobody), and that the 404 is the app's plain one: same title, same
 * words as for an address that never existed (nothing says "console").
 */
export async function expectNotFound(page: Page, path: string): Promise<void> {
  const response = await page.goto(consoleUrl(path));
  expect(response?.status(), `${path} should be a 404`).toBe(404);
  const shown = await seen(page);
  await page.goto(consoleUrl("/definitely-not-a-page"));
  expect(shown, `${path} should look like any other 404`).toEqual(await seen(page));
  expect(shown.text).toContain("Page not found");
}

// ---------------------------------------------------------------- fixtures

type ConsoleFixtures = {
  /** A page in its own context on 3101, signed in as the admin (the stored session). */
  adminPage: Page;
  /** Signs `page`'s context in as the admin with the stored session; ends on the signed-in home page. */
  signInAsAdmin: (page: Page) => Promise<void>;
  /** Pages in extra contexts on 3101 (signed out), closed after the test. */
  newConsolePage: (options?: BrowserContextOptions) => Promise<Page>;
};

type ConsoleWorkerFixtures = {
  /** The storageState file of the admin's session, made once per worker. */
  adminState: string;
};

/** `test` from ./fixtures (mailbox, uniqueEmail, users…) plus the console fixtures above. */
export const test = base.extend<ConsoleFixtures, ConsoleWorkerFixtures>({
  adminState: [
    async ({ browser }, provide, workerInfo) => {
      const context = await browser.newContext({ baseURL: CONSOLE_URL, userAgent: SUITE_BROWSER.userAgent ?? undefined });
      await consoleUsers().signIn(await context.newPage(), await ensureAdmin());
      const path = join(workerInfo.project.outputDir, ".auth", `admin-${workerInfo.workerIndex}.json`);
      await context.storageState({ path });
      await context.close();
      await provide(path);
    },
    { scope: "worker" },
  ],
  // The admin exists before any account a test makes, so no test user becomes the owner.
  users: async ({ users }, provide) => {
    await ensureAdmin();
    await provide(users);
  },
  adminPage: async ({ browser, adminState }, provide) => {
    const context = await browser.newContext({ baseURL: CONSOLE_URL, storageState: adminState });
    const page = await context.newPage();
    await page.goto(consoleUrl("/"));
    await expect(page.getByText(`Signed in as ${ADMIN.email}`)).toBeVisible();
    await provide(page);
    await context.close();
  },
  signInAsAdmin: async ({ adminState }, provide) => {
    const { cookies } = JSON.parse(readFileSync(adminState, "utf8")) as { cookies: Parameters<BrowserContext["addCookies"]>[0] };
    await provide(async (page) => {
      await page.context().addCookies(cookies);
      await page.goto(consoleUrl("/"));
      await expect(page.getByText(`Signed in as ${ADMIN.email}`)).toBeVisible();
    });
  },
  newConsolePage: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (options) => {
      const context = await browser.newContext({ baseURL: CONSOLE_URL, ...options });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});
