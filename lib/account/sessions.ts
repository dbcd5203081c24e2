import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { ok, type Result } from "@/lib/result";
import { failWith } from "@/lib/errors/failure";
import { recordEvent } from "./audit";
import { consumeVerification } from "./step-up";
import { parseUserAgent } from "./user-agent";

export type SessionSummary = {
  id: string;
  /** The session of this request (signing it out is "Sign out", not "revoke"). */
  current: boolean;
  browser: string;
  os: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

/** Signed-in sessions (activated, not expired), this one first, then most recently seen. */
export async function listSessions(user: CurrentUser): Promise<SessionSummary[]> {
  const rows = await db.session.findMany({
    where: { userId: user.id, activatedAt: { not: null }, expiresAt: { gt: new Date() } },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
  });
  return rows
    .map((row) => ({
      id: row.id, current: row.id === user.sessionId, ...parseUserAgent(row.userAgent),
      ip: row.ip && row.ip !== "unknown" ? row.ip : null, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

const auditCtx = (user: CurrentUser, ctx: RequestContext) => ({ userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent });

export async function revokeOne(
  user: CurrentUser, verificationId: string | undefined, sessionId: unknown, ctx: RequestContext,
): Promise<Result<{ count: number }>> {
  if (sessionId === user.sessionId) return failWith("invalid_request", "This is the session you are using. Sign out instead.");
  const target = typeof sessionId === "string"
    ? await db.session.findFirst({ where: { id: sessionId, userId: user.id }, select: { id: true } })
    : null;
  if (!target) return failWith("not_found", "This session has already ended.");
  const consumed = await consumeVerification(user, verificationId, "revoke_sessions");
  if (!consumed.ok) return consumed;
  const { count } = await db.session.deleteMany({ where: { id: target.id, userId: user.id } });
  await recordEvent("session_revoked", auditCtx(user, ctx));
  return ok({ count });
}

/** Ends every session but this one; with nothing to end, the proof is not used up. */
export async function revokeOthers(user: CurrentUser, verificationId: string | undefined, ctx: RequestContext): Promise<Result<{ count: number }>> {
  const others = { userId: user.id, id: { not: user.sessionId } };
  if ((await db.session.count({ where: others })) === 0) return ok({ count: 0 });
  const consumed = await consumeVerification(user, verificationId, "revoke_sessions");
  if (!consumed.ok) return consumed;
  const { count } = await db.session.deleteMany({ where: others });
  await recordEvent("sessions_revoked", auditCtx(user, ctx), { count });
  return ok({ count });
}
