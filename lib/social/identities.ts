import "server-only";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/account/audit";
import { consumeVerification, releaseVerification } from "@/lib/account/step-up";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/auth/request-context";
import { param } from "@/lib/db-sql";
import { failWith, type Failure } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { getSettings } from "@/lib/settings/get-settings";
import { notifyIdentityChange } from "./identity-notice";
import { keepsAWayIn, remainingSignIn } from "./sign-in-methods";

/** A social sign-in joined to the account, as the account centre and the API show it. */
export type IdentitySummary = {
  id: string;
  connectorId: string;
  /** The connector's name; its id when the connector was deleted (the identity is kept for when it comes back). */
  provider: string;
  /** The connector's kind ("github", "oidc", …); null when it was deleted. */
  providerId: string | null;
  /** Whether its button is on the sign-in page (the connector exists and is enabled). */
  enabled: boolean;
  /** What the provider said of the person when it was linked. */
  email: string | null;
  name: string | null;
  linkedAt: Date;
  lastUsedAt: Date | null;
};

export const IDENTITY_GONE = "This sign-in is no longer connected to your account.";
export const LAST_SIGN_IN_METHOD =
  "This is the only way left to sign in to your account, so it can't be disconnected. Set a password or connect another sign-in first.";

/** The user's connected sign-ins, oldest first. */
export async function listIdentities(userId: string): Promise<IdentitySummary[]> {
  const identities = await db.socialIdentity.findMany({ where: { userId }, orderBy: [{ linkedAt: "asc" }, { id: "asc" }] });
  const connectorIds = [...new Set(identities.map((identity) => identity.connectorId))];
  const connectors = connectorIds.length
    ? await db.socialConnector.findMany({ where: { id: { in: connectorIds } }, select: { id: true, name: true, providerId: true, enabled: true } })
    : [];
  const byId = new Map(connectors.map((connector) => [connector.id, connector]));
  return identities.map((identity) => {
    const connector = byId.get(identity.connectorId);
    return {
      id: identity.id, connectorId: identity.connectorId,
      provider: connector?.name ?? identity.connectorId, providerId: connector?.providerId ?? null, enabled: connector?.enabled ?? false,
      email: identity.email, name: identity.name, linkedAt: identity.linkedAt, lastUsedAt: identity.lastUsedAt,
    };
  });
}

/** Which of these identities the user may disconnect now (the others are the account's last way in), for the page to say so up front. */
export async function disconnectable(userId: string, identities: readonly IdentitySummary[]): Promise<Set<string>> {
  const { signInExperience: sie } = await getSettings();
  const verdicts = await Promise.all(identities.map(async ({ id }) => [id, keepsAWayIn(await remainingSignIn(userId, id, sie))] as const));
  return new Set(verdicts.filter(([, allowed]) => allowed).map(([id]) => id));
}

/** An expected refusal found under the lock: thrown to roll the transaction back. */
class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.formError);
  }
}

/**
 * Disconnects one of the user's social sign-ins. The last-method rule
 * (sign-in-methods.ts) is checked before the step-up proof is used, so a
 * refusal costs no new "Confirm it's you", and again under a lock on the
 * user's row: two disconnects racing for the last two sign-ins cannot both pass.
 */
export async function unlinkIdentity(
  user: CurrentUser, verificationId: string | undefined, identityId: unknown, ctx: RequestContext,
): Promise<Result<IdentitySummary>> {
  const identity = (await listIdentities(user.id)).find((candidate) => candidate.id === identityId);
  if (!identity) return failWith("not_found", IDENTITY_GONE);
  const { signInExperience: sie } = await getSettings();
  if (!keepsAWayIn(await remainingSignIn(user.id, identity.id, sie))) return failWith("last_sign_in_method", LAST_SIGN_IN_METHOD);

  const consumed = await consumeVerification(user, verificationId, "unlink_identity");
  if (!consumed.ok) return consumed;
  try {
    await db.$transaction(async (tx) => {
      // A write to the user's row first: PostgreSQL's row lock (SQLite's write lock) serialises this user's disconnects.
      await tx.$executeRawUnsafe(`UPDATE "User" SET "updatedAt" = "updatedAt" WHERE "id" = ${param(1)}`, user.id);
      if (!keepsAWayIn(await remainingSignIn(user.id, identity.id, sie, tx))) throw new Refusal(failWith("last_sign_in_method", LAST_SIGN_IN_METHOD));
      const { count } = await tx.socialIdentity.deleteMany({ where: { id: identity.id, userId: user.id } });
      if (count !== 1) throw new Refusal(failWith("not_found", IDENTITY_GONE));
    });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    await releaseVerification(user, verificationId!, "unlink_identity");
    return error.failure;
  }
  const detail = { connector: identity.connectorId, provider: identity.provider };
  await recordEvent("social_unlinked", { userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent }, detail);
  await notifyIdentityChange(user.id, "IdentityUnlinked", identity, ctx);
  return ok(identity);
}
