import "server-only";
import { db } from "@/lib/db";
import { notify, whenAndWhere } from "@/lib/account/notify";
import type { RequestContext } from "@/lib/auth/request-context";
import { getSettings } from "@/lib/settings/get-settings";

type ChangedIdentity = { connectorId: string; email: string | null; name: string | null };

/** The name people know a connector by; its id once it was deleted. */
export async function connectorLabel(connectorId: string): Promise<string> {
  const connector = await db.socialConnector.findUnique({ where: { id: connectorId }, select: { name: true } });
  return connector?.name ?? connectorId;
}

/**
 * Tells the account's owner that a social sign-in was connected or
 * disconnected: which provider, the account it named, when, from which
 * browser and IP. On by default (signInExperience.notifications.identityChanges).
 * Call it after the change is committed: the email never holds a transaction open.
 */
export async function notifyIdentityChange(
  userId: string, kind: "IdentityLinked" | "IdentityUnlinked", identity: ChangedIdentity, ctx: RequestContext, at = new Date(),
): Promise<void> {
  const { signInExperience } = await getSettings();
  if (!signInExperience.notifications.identityChanges) return;
  const account = await db.user.findUnique({ where: { id: userId }, select: { email: true, locale: true } });
  if (!account) return;
  await notify(account, kind, ctx, {
    provider: await connectorLabel(identity.connectorId),
    identityName: identity.name ?? undefined,
    identityEmail: identity.email ?? undefined,
    ...whenAndWhere(ctx, at),
  });
}
