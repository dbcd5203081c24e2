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

/**
 * After a first factor succeeds, the flow creates a session row and a
 * one-time ticket for it; next-auth's credentials provider redeems the
 * ticket and puts the session id into the cookie. The row is what makes
 * sessions revocable from the server.
 */
export async function createSessionTicket(userId: string, ctx: RequestContext, client: Client = db): Promise<string> {
  const id = randomUUID();
  const secret = randomBytes(32).toString("base64url");
  const now = new Date();
  const row = insertRow("Session", {
    id, userId, ticketHash: sha256(secret), userAgent: ctx.userAgent?.slice(0, 500) ?? null, ip: ctx.ip,
    createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
  });
  await sqlFor(client).execute(row.text, ...row.args);
  return `${id}.${secret}`;
}

const REDEEM = `UPDATE "Session" SET "activatedAt" = ${param(1)}
  WHERE "id" = ${param(2)} AND "ticketHash" = ${param(3)} AND "activatedAt" IS NULL AND "createdAt" > ${param(4)} RETURNING "userId"`;

/**
 * Single use: of two redemptions of one ticket, only one activates it. One
 * conditional update checks the secret (by its hash: equality on a hash
 * reveals nothing about the secret), the ticket's age and that it is unused.
 */
export async function redeemSessionTicket(ticket: string): Promise<{ sessionId: string; userId: string } | null> {
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
