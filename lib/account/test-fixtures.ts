import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import type { RequestContext } from "@/lib/auth/request-context";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session";
import { listDevMessages } from "@/lib/connectors/dev/mailbox";
import { verifyWithPassword } from "./step-up";

/**
 * Test helpers for the account tests (imported only by *.test.ts files):
 * a user with an activated session, a request context with its own IP (so
 * per-IP limits of one test do not leak into another), and the latest code
 * from the dev mailbox, read the way a user would read it.
 */
export const PASSWORD = "correct horse battery staple";
export const CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export function makeCtx(overrides: Partial<RequestContext> = {}): RequestContext {
  const b = randomBytes(3);
  return { ip: `10.${b[0]}.${b[1]}.${b[2]}`, userAgent: CHROME_MAC, acceptLanguage: "en", ...overrides };
}

export async function makeSession(userId: string, userAgent: string | null = CHROME_MAC): Promise<string> {
  const id = randomUUID();
  await db.session.create({
    data: {
      id, userId, ticketHash: "0".repeat(64), activatedAt: new Date(), userAgent, ip: "10.0.0.1",
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return id;
}

export async function makeUser(options: { password?: string | null; email?: string } = {}): Promise<CurrentUser> {
  const id = randomUUID();
  const email = options.email ?? `user-${id.slice(0, 8)}@example.test`;
  const password = options.password === undefined ? PASSWORD : options.password;
  await db.user.create({
    data: { id, email, passwordHash: password ? await hashPassword(password) : null, emailVerifiedAt: new Date() },
  });
  return { id, email, name: null, sessionId: await makeSession(id) };
}

/** The same user in another browser: a second session. */
export async function inOtherSession(user: CurrentUser): Promise<CurrentUser> {
  return { ...user, sessionId: await makeSession(user.id) };
}

/** A fresh password step-up proof for this user and session. */
export async function proof(user: CurrentUser, ctx = makeCtx()): Promise<string> {
  const result = await verifyWithPassword(user, PASSWORD, ctx);
  if (!result.ok) throw new Error(`step-up failed: ${JSON.stringify(result)}`);
  return result.value.verificationId;
}

/** The code in the newest email to `to` (code emails put it first in the subject). */
export async function latestCode(to: string): Promise<string> {
  const [message] = await listDevMessages({ to, limit: 1 });
  const code = message?.subject.match(/^(\d{6}) /)?.[1];
  if (!code) throw new Error(`no code email for ${to} (latest: ${message?.subject ?? "none"})`);
  return code;
}

export async function subjectsTo(to: string): Promise<string[]> {
  return (await listDevMessages({ to, limit: 50 })).map((m) => m.subject);
}

export const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");
