import "server-only";
import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { db, type Tx } from "@/lib/db";
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
export async function createSessionTicket(userId: string, ctx: RequestContext, client: Tx = db): Promise<string> {
  const id = randomUUID();
  const secret = randomBytes(32).toString("base64url");
  await client.session.create({
    data: {
      id, userId, ticketHash: sha256(secret), userAgent: ctx.userAgent?.slice(0, 500) ?? null, ip: ctx.ip,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return `${id}.${secret}`;
}

/** Single use: of two redemptions of one ticket, only one activates it. */
export async function redeemSessionTicket(ticket: string): Promise<{ sessionId: string; userId: string; email: string } | null> {
  const [id, secret] = ticket.split(".");
  if (!id || !secret) return null;
  const row = await db.session.findUnique({ where: { id }, include: { user: { select: { email: true } } } });
  if (!row) return null;
  const a = Buffer.from(row.ticketHash, "hex");
  const b = Buffer.from(sha256(secret), "hex");
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  const { count } = await db.session.updateMany({
    where: { id, activatedAt: null, createdAt: { gt: new Date(Date.now() - TICKET_TTL_MS) } },
    data: { activatedAt: new Date() },
  });
  return count === 1 ? { sessionId: id, userId: row.userId, email: row.user.email } : null;
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

export async function revokeSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function revokeAllSessions(userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}
