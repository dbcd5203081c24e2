import { test as base, devices, expect, type Browser, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";
import { appEnv, serve } from "./instance-env";
import { DATABASES, PORTS } from "./ports";
import { closeSeeder } from "./seed/seeders";
import { browserDetails, uniqueEmail, uniquePassword, usersOf, type Instance, type UserWithPassword, type Users } from "./seed/users";
import type { SinkMessage } from "./smtp-sink";

export { expect, uniqueEmail, uniquePassword };
export type { SinkMessage, UserWithPassword, Users };

export const APP_URL = process.env.E2E_APP_URL ?? `http://127.0.0.1:${PORTS.app}`;
export const SINK_URL = process.env.SMTP_SINK_URL ?? `http://127.0.0.1:${PORTS.sinkHttp}`;
const POLL_MS = 200;
const WAIT_MS = 15_000;

export type WaitOptions = {
  /** Only messages the sink received at or after this moment. */
  after?: Date;
  /** Only messages whose subject matches. */
  subject?: RegExp;
  /** Overrides the 15 s wait. */
  timeout?: number;
};

export type Mailbox = {
  /** Every message to `to`, newest first. */
  messages(to: string): Promise<SinkMessage[]>;
  /** Polls until a message to `to` carries a 6-digit code; returns the newest such code. */
  waitForCode(to: string, options?: WaitOptions): Promise<string>;
  /** Polls until a message to `to` satisfies `predicate`; returns the newest such message. */
  waitForMessage(to: string, predicate?: (message: SinkMessage) => boolean, options?: WaitOptions): Promise<SinkMessage>;
  /** The next `count` messages the sink receives are refused with `code` (451, temporary, by default; 550 is permanent). */
  failNext(count: number, code?: number): Promise<void>;
  clear(): Promise<void>;
};

export type Credentials = { email: string; password: string; name?: string };

/** The 6-digit code in a message's text part (or, failing that, its subject). */
export function extractCode(message: Pick<SinkMessage, "text" | "subject">): string | null {
  for (const source of [message.text, message.subject]) {
    const plain = /(?<![\w-])(\d{6})(?![\w-])/.exec(source);
    if (plain?.[1]) return plain[1];
    const spaced = /(?<![\w-])(\d{3})[ \u00a0-](\d{3})(?![\w-])/.exec(source);
    if (spaced?.[1] && spaced[2]) return spaced[1] + spaced[2];
  }
  return null;
}

async function fetchMessages(to: string): Promise<SinkMessage[]> {
  const res = await fetch(`${SINK_URL}/messages?to=${encodeURIComponent(to)}`);
  if (!res.ok) throw new Error(`SMTP sink answered ${res.status} for GET /messages`);
  return (await res.json()) as SinkMessage[];
}

function matches(message: SinkMessage, options: WaitOptions): boolean {
  if (options.after && new Date(message.date).getTime() < options.after.getTime()) return false;
  if (options.subject && !options.subject.test(message.subject)) return false;
  return true;
}

async function poll<T>(describe: () => string, attempt: () => Promise<T | null>, timeout: number): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await attempt();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function summary(list: SinkMessage[]): string {
  if (list.length === 0) return "the sink has no message for that address";
  return `the sink has: ${list.map((m) => `[${m.date}] ${JSON.stringify(m.subject)}`).join("; ")}`;
}

export const mailbox: Mailbox = {
  messages: fetchMessages,
  async waitForMessage(to, predicate = () => true, options = {}) {
    let last: SinkMessage[] = [];
    return poll(
      () => `No matching email to ${to} within ${(options.timeout ?? WAIT_MS) / 1000}s; ${summary(last)}`,
      async () => {
        last = await fetchMessages(to);
        return last.find((m) => matches(m, options) && predicate(m)) ?? null;
      },
      options.timeout ?? WAIT_MS,
    );
  },
  async waitForCode(to, options = {}) {
    const message = await mailbox.waitForMessage(to, (m) => extractCode(m) !== null, options).catch((error: Error) => {
      throw new Error(error.message.replace("No matching email", "No email with a 6-digit code"));
    });
    return extractCode(message) as string;
  },
  async failNext(count, code = 451) {
    const res = await fetch(`${SINK_URL}/fail?count=${count}&code=${code}`, { method: "POST" });
    if (!res.ok) throw new Error(`SMTP sink answered ${res.status} for POST /fail`);
  },
  async clear() {
    await fetch(`${SINK_URL}/messages`, { method: "DELETE" });
  },
};

/** Wraps a step so a failure names the step. */
export async function step<T>(title: string, body: () => Promise<T>): Promise<T> {
  return base.step(title, body);
}

/**
 * Where a code is typed (components/code-input): once hydrated, the first of
 * six boxes ("Digit 1 of 6"), which takes a whole code as a phone's autofill
 * does; before hydration or without JavaScript, the one plain input.
 * `fill` works on either. Pass the labels in the page's language.
 */
export const codeField = (scope: Page | Locator, label = "Verification code", firstDigit = "Digit 1 of 6") =>
  scope.getByRole("textbox", { name: new RegExp(`^(?:${label}|${firstDigit})$`) });

/** The code the form would post (the one `code` field, the boxes' hidden input once hydrated). */
export const postedCode = (scope: Page | Locator) => scope.locator('input[name="code"]').inputValue();

/** Enters a code on any code page and presses Verify. */
export async function submitCode(page: Page, code: string) {
  await codeField(page).fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
}

/** Asserts the signed-in home page for `email`. */
export async function expectSignedIn(page: Page, email: string) {
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
}

/** Asserts the signed-out home page. */
export async function expectSignedOut(page: Page) {
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Create account", exact: true })).toBeVisible();
  await expect(page.getByText(/Signed in as/)).toHaveCount(0);
}

/** Signs out from the home page. */
export async function signOut(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expectSignedOut(page);
}

/** Password sign-in from /sign-in. Does not assert the outcome. */
export async function submitPasswordSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Requests a sign-in code from /sign-in?method=code. Does not assert the outcome. */
export async function requestSignInCode(page: Page, email: string) {
  await page.goto("/sign-in?method=code");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Email me a code", exact: true }).click();
}

/** Requests a password-reset code from /forgot-password. Does not assert the outcome. */
export async function requestResetCode(page: Page, email: string) {
  await page.goto("/forgot-password");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send reset code", exact: true }).click();
}

/** A page in a brand-new browser context (own cookies); the caller closes the context. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: APP_URL, ...options });
  return context.newPage();
}

/** How the app sees the suite's Chromium (playwright.config.ts `use`): for sessions made outside a test's own browser options. */
export const SUITE_BROWSER = browserDetails(devices["Desktop Chrome"].userAgent, undefined, undefined);

/** The database file of each instance playwright.config.ts starts, by origin. */
const DATABASE_AT: Record<string, string> = {
  [`http://127.0.0.1:${PORTS.app}`]: DATABASES.app,
  [`http://127.0.0.1:${PORTS.console}`]: DATABASES.console,
  [`http://127.0.0.1:${PORTS.frontDoor}`]: DATABASES.frontDoor,
};

/** The instance at `baseURL` with its database; only the suite's own instances have one the fixtures can reach. */
export function instanceAt(baseURL: string): Instance {
  const file = DATABASE_AT[new URL(baseURL).origin];
  if (!file) throw new Error(`No database known for ${baseURL}: accounts can only be seeded into an instance this suite started.`);
  return { baseURL, databaseUrl: `file:./.data/${file}`, env: { ...appEnv, ...serve(Number(new URL(baseURL).port)) } };
}

type Fixtures = {
  mailbox: Mailbox;
  /** Pages in extra browser contexts (other "devices"), closed after the test. */
  newPage: (options?: BrowserContextOptions) => Promise<Page>;
  uniqueEmail: (prefix: string) => string;
  /** Verified accounts made straight in the database of the test's instance (its baseURL), and sessions for them. */
  users: Users;
  /** A fresh verified account with a password, signed out (for specs about signing in). */
  verifiedUser: UserWithPassword;
  /** A fresh verified account with a password, signed in on `page`, which starts on the signed-in home page. */
  signedInUser: UserWithPassword;
};

type WorkerFixtures = {
  /** Ends the worker's seeder processes (e2e/seed/seeders.ts) when the worker ends. */
  seedersClosed: void;
};

export const test = base.extend<Fixtures, WorkerFixtures>({
  mailbox: async ({}, provide) => {
    await provide(mailbox);
    // Never leave a pending failure behind for the next test.
    await mailbox.failNext(0).catch(() => undefined);
  },
  newPage: async ({ browser }, provide) => {
    const pages: Page[] = [];
    await provide(async (options) => {
      const page = await openPage(browser, options);
      pages.push(page);
      return page;
    });
    for (const page of pages) await page.context().close();
  },
  uniqueEmail: async ({}, provide) => {
    await provide(uniqueEmail);
  },
  users: async ({ baseURL, userAgent, extraHTTPHeaders, locale }, provide) => {
    await provide(usersOf(instanceAt(baseURL ?? APP_URL), browserDetails(userAgent, extraHTTPHeaders, locale)));
  },
  verifiedUser: async ({ users }, provide, testInfo) => {
    // The spec's name in the address, so the sink and the database say whose account it is.
    await provide(await users.create({ prefix: testInfo.titlePath[0]?.replace(/\.spec\.ts$/, "") }));
  },
  signedInUser: async ({ users, verifiedUser, page }, provide) => {
    await users.signIn(page, verifiedUser);
    await provide(verifiedUser);
  },
  seedersClosed: [
    async ({}, provide) => {
      await provide();
      await closeSeeder();
    },
    { scope: "worker", auto: true },
  ],
});
