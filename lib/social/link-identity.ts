import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { param } from "@/lib/db-sql";
import { recordEvent } from "@/lib/account/audit";
import type { RequestContext } from "@/lib/auth/request-context";
import { failWith } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { notifyIdentityChange } from "./identity-notice";
import type { SocialProfile } from "./types";

export type LinkedIdentity = { identityId: string; created: boolean };

// DO NOTHING, not a caught P2002: a failed statement would abort the caller's PostgreSQL transaction.
const INSERT = `INSERT INTO "SocialIdentity" ("id", "userId", "connectorId", "subject", "email", "name", "linkedAt")
  VALUES (${[1, 2, 3, 4, 5, 6, 7].map(param).join(", ")})
  ON CONFLICT ("connectorId", "subject") DO NOTHING`;

/**
 * Joins a provider's identity (connector + subject) to an account. Callers
 * have already proved both sides: the provider's callback for the identity,
 * and a session or an email code for the account. Idempotent for the same
 * account; an identity that belongs to another account is never moved
 * (`identity_linked_elsewhere`). The unique index decides a race between two
 * links of one identity: whichever insert lands first wins, the other sees it.
 *
 * A new link emails the owner IdentityLinked (identity-notice.ts) once
 * it is committed: here when `client` is the database, and by the caller,
 * after its commit, when it passes a transaction (an email must not hold a
 * transaction open, and must not go out for a link that is rolled back).
 */
export async function linkIdentity(userId: string, profile: SocialProfile, ctx: RequestContext, client: Tx = db): Promise<Result<LinkedIdentity>> {
  const id = randomUUID();
  const inserted = await client.$executeRawUnsafe(INSERT, id, userId, profile.connectorId, profile.subject, profile.email, profile.name, new Date());
  if (inserted === 1) {
    const connector = await client.socialConnector.findUnique({ where: { id: profile.connectorId }, select: { name: true } });
    const detail = { connector: profile.connectorId, provider: connector?.name ?? profile.connectorId };
    await recordEvent("social_linked", { userId, ip: ctx.ip, userAgent: ctx.userAgent }, detail, client);
    if (client === db) await notifyIdentityChange(userId, "IdentityLinked", profile, ctx);
    return ok({ identityId: id, created: true });
  }
  const existing = await client.socialIdentity.findUnique({
    where: { connectorId_subject: { connectorId: profile.connectorId, subject: profile.subject } },
    select: { id: true, userId: true },
  });
  if (!existing) return failWith("conflict", "This sign-in was disconnected meanwhile. Try again.");
  if (existing.userId !== userId) return failWith("identity_linked_elsewhere");
  return ok({ identityId: existing.id, created: false });
}
