import "server-only";
import { db, type Tx } from "@/lib/db";
import type { SignInExperience } from "@/lib/settings/schema";

/**
 * What an account could still sign in with if one of its social sign-ins
 * went away. A connected sign-in counts only while its connector exists and
 * is on: a disabled or deleted provider shows no button, so it is no way in.
 */
export type RemainingSignIn = { hasPassword: boolean; otherUsableIdentities: number; emailCodeSignIn: boolean };

/**
 * The last-method rule: disconnecting is refused when it would leave no
 * password, no other usable connected sign-in, and email-code sign-in off.
 * An account made by social sign-up has no password, so with email-code
 * sign-in off its one identity is all it has. (A password counts even while
 * password sign-in is off: the console keeps email-code sign-in on then.)
 */
export const keepsAWayIn = (left: RemainingSignIn): boolean => left.hasPassword || left.otherUsableIdentities > 0 || left.emailCodeSignIn;

/** The account's other ways in, besides the identity `exceptIdentityId`, read through `client` (a locked transaction's, when deciding). */
export async function remainingSignIn(userId: string, exceptIdentityId: string, sie: SignInExperience, client: Tx = db): Promise<RemainingSignIn> {
  const [user, others] = await Promise.all([
    client.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }),
    client.socialIdentity.findMany({ where: { userId, id: { not: exceptIdentityId } }, select: { connectorId: true } }),
  ]);
  const connectorIds = [...new Set(others.map((identity) => identity.connectorId))];
  const enabled = connectorIds.length === 0
    ? []
    : await client.socialConnector.findMany({ where: { id: { in: connectorIds }, enabled: true }, select: { id: true } });
  const usable = new Set(enabled.map((connector) => connector.id));
  return {
    hasPassword: Boolean(user?.passwordHash),
    otherUsableIdentities: others.filter((identity) => usable.has(identity.connectorId)).length,
    emailCodeSignIn: sie.signIn.emailCode,
  };
}
