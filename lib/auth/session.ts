import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { db, sql, sqlFor, type Client } from "@/lib/db";
import { insertRow, param } from "@/lib/db-sql";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import type { RequestContext } from "./request-context";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const TICKET_TTL_MS = 2 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** A session row and its user: what the session cookie carries (lib/auth/session-cookie.ts). */
export type SessionRef = { userId: string; sessionId: string };

async function insertSession(userId: string, ctx: RequestContext, client: Client, ticketSecret: string | null): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  const row = insertRow("Session", {
    id, userId,
    // The column is required; an active row gets the hash of a secret nobody keeps (and REDEEM wants activatedAt unset).
    ticketHash: sha256(ticketSecret ?? randomBytes(32).toString("base64url")),
    activatedAt: ticketSecret === null ? now : null,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null, ip: ctx.ip,
    createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
  });
  await sqlFor(client).execute(row.text, ...row.args);
  return id;
}

/**
 * After a first factor (or the second) succeeds: the session row, active at
 * once. The row is what makes sessions revocable from the server; the
 * request that made it sets the cookie (lib/auth/finish-sign-in.ts, or
 * next-auth at the end of a social callback). `client`: the caller's
 * transaction, so the session lands in the same commit as the sign-in's
 * other writes.
 */
export async function createSession(userId: string, ctx: RequestContext, client: Client = db): Promise<SessionRef> {
  return { sessionId: await insertSession(userId, ctx, client, null), userId };
}

/**
 * A session row that is not active until its one-time ticket is redeemed
 * through next-auth's CSRF-checked "ticket" credentials callback
 * (lib/auth/next-auth.ts): how a browser that did not sign in through our
 * pages gets a cookie (the e2e seeder's browsers).
 */
export async function createSessionTicket(userId: string, ctx: RequestContext, client: Client = db): Promise<string> {
  const secret = randomBytes(32).toString("base64url");
  return `${await insertSession(userId, ctx, client, secret)}.${secret}`;
}

const REDEEM = `UPDATE "Session" SET "activatedAt" = ${param(1)}
  WHERE "id" = ${param(2)} AND "ticketHash" = ${param(3)} AND "activatedAt" IS NULL AND "createdAt" > ${param(4)} RETURNING "userId"`;

/**
 * Single use: of two redemptions of one ticket, only one activates it. One
 * conditional update checks the secret (by its hash: equality on a hash
 * reveals nothing about the secret), the ticket's age and that it is unused.
 */
export async function redeemSessionTicket(ticket: string): Promise<SessionRef | null> {
  const [id, secret] = ticket.split(".");
  if (!id || !secret) return null;
  const [activated] = await sql.query<{ userId: string }>(REDEEM, new Date(), id, sha256(secret), new Date(Date.now() - TICKET_TTL_MS));
  return activated ? { sessionId: id, userId: activated.userId } : null;
}

export type SessionUser = { id: string; email: string; name: string | null };

/** The server-side check behind every authenticated request; returns the session's user. */
export async function validateSession(sessionId: string): Promise<SessionUser | null> {
  const now = new Date();
  const row = await db.session.findUnique({
    where: { id: sessionId },
    include: { user: { select: { id: true, email: true, name: true } } },
  });
  if (!row || !row.activatedAt || row.expiresAt <= now) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return row.user;
}

/**
 * For next-auth's jwt callback: false ends the cookie. While the database
 * cannot be reached the session cannot be checked, which is not the same as
 * revoked: the cookie is kept, and getCurrentUser's own check of the row
 * reports the outage (503, "try again") instead of signing everyone out.
 */
export async function keepSessionCookie(sessionId: string): Promise<boolean> {
  try {
    return (await validateSession(sessionId)) !== null;
  } catch (error) {
    if (isDatabaseUnavailable(error)) return true;
    throw error;
  }
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function revokeAllSessions(userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}
