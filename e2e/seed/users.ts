import { randomBytes } from "node:crypto";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import type { RequestContext } from "@/lib/auth/request-context";
import { seederFor } from "./seeders";

/**
 * Verified accounts for specs that need "a user" rather than the sign-up
 * journey (that journey is e2e/sign-up.spec.ts's). The account is made in
 * the instance's own database by the app's own code (e2e/seed/seeder.ts),
 * never through a route that exists only for tests.
 */
export type UserOptions = {
  /** @default a unique `e2e-<prefix>-<hex>@mailgate.test` */
  email?: string;
  /** Slug in the generated address. @default "user" */
  prefix?: string;
  /** null: no password (sign-in by emailed code only). @default a unique 20-character password */
  password?: string | null;
  name?: string;
  /** A supported locale ("ja"…); @default the one the browser's Accept-Language picks, as at sign-up */
  locale?: string;
  /** Reuse the account if the address is taken (the console's fixed admin, on a server kept from an earlier run). */
  ifMissing?: boolean;
};
export type SeededUser = { id: string; email: string; password: string | null; name: string | null };
export type UserWithPassword = SeededUser & { password: string };
type Created<O extends UserOptions> = O extends { password: null } ? SeededUser : UserWithPassword;

/** What the browser's requests tell the app: the session list and the activity log show it. */
export type BrowserDetails = Partial<RequestContext>;

export type Users = {
  create<O extends UserOptions>(options?: O): Promise<Created<O>>;
  /**
   * Gives `page`'s browser context a session for `user`, made the way every
   * sign-in makes one, and ends on the signed-in home page.
   */
  signIn(page: Page, user: SeededUser, details?: BrowserDetails): Promise<void>;
};

/** An app instance the test process can reach over HTTP and whose database file (or URL) it knows. */
export type Instance = { baseURL: string; databaseUrl: string; env?: Record<string, string> };

/** e.g. `e2e-signup-3f9a1c2b7d@mailgate.test`; unique per call, all lower case. */
export function uniqueEmail(prefix: string): string {
  const slug = prefix.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "user";
  return `e2e-${slug}-${randomBytes(5).toString("hex")}@mailgate.test`;
}

/** A password comfortably over the 12-character minimum. */
export function uniquePassword(): string {
  return `E2e pass ${randomBytes(6).toString("hex")}!`;
}

/**
 * The cookie comes from the app's real sign-in endpoint: next-auth's
 * "ticket" credentials callback redeems the one-time ticket of the session
 * row (lib/auth/session.ts) and sets the cookie it signs with the app's
 * AUTH_SECRET, exactly as at the end of a sign-up. Minting the cookie here
 * with next-auth's `encode` would skip that redemption and copy the
 * cookie's name and salt; and every later page still checks the row
 * (jwt callback and getCurrentUser), so a revoked session ends as usual.
 */
async function redeemTicket(context: BrowserContext, baseURL: string, ticket: string): Promise<void> {
  const at = (path: string) => new URL(path, baseURL).toString();
  const { csrfToken } = (await (await context.request.get(at("/api/auth/csrf"))).json()) as { csrfToken: string };
  const answer = await context.request.post(at("/api/auth/callback/ticket"), {
    form: { csrfToken, ticket, callbackUrl: at("/") },
    // What a browser's form post carries; the front door refuses state changes without it.
    headers: { origin: new URL(baseURL).origin },
    maxRedirects: 0,
  });
  const location = answer.headers()["location"] ?? "";
  if (answer.status() !== 302 || /[?&]error=/.test(location)) {
    throw new Error(`the ticket was not redeemed: ${answer.status()} ${location}`);
  }
}

/** Accounts and sessions on `instance`; `defaults` describe the test's browser (its User-Agent, address, language). */
export function usersOf(instance: Instance, defaults: RequestContext): Users {
  const seeder = seederFor(instance.databaseUrl, instance.env);
  return {
    async create<O extends UserOptions>(options: O = {} as O) {
      const email = options.email ?? uniqueEmail(options.prefix ?? "user");
      const password = options.password === undefined ? uniquePassword() : options.password;
      const made = await seeder.request({ op: "create", email, password, name: options.name, locale: options.locale, ifMissing: options.ifMissing, ctx: defaults });
      return { id: made.userId!, email: made.email!, password, name: options.name ?? null } as Created<O>;
    },
    async signIn(page, user, details = {}) {
      const { ticket } = await seeder.request({ op: "ticket", userId: user.id, ctx: { ...defaults, ...details } });
      await redeemTicket(page.context(), instance.baseURL, ticket!);
      await page.goto(new URL("/", instance.baseURL).toString());
      await expect(page.getByText(`Signed in as ${user.email}`)).toBeVisible();
    },
  };
}

/**
 * The request context the app derives from a browser with these options:
 * behind the test proxy (TRUSTED_PROXY_HOPS=1) the address is the last
 * X-Forwarded-For hop, else the loopback socket's.
 */
export function browserDetails(userAgent: string | undefined, headers: Record<string, string> | undefined, locale: string | undefined): RequestContext {
  const forwarded = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "x-forwarded-for")?.[1];
  return { ip: forwarded?.split(",").at(-1)?.trim() || "127.0.0.1", userAgent: userAgent ?? null, acceptLanguage: locale ?? null };
}
