import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { emailKey, normalizeEmail } from "@/lib/auth/email";
import { accountPasswordBucket } from "@/lib/auth/password-attempt";
import type { RequestContext } from "@/lib/auth/request-context";
import { getOwnerId } from "@/lib/auth/roles";
import { ok, type Result } from "@/lib/result";
import { failField, failWith } from "@/lib/errors/failure";
import { lockOrganization } from "@/lib/orgs/lock-organization";
import { lastOwnerOf, organizationsOfLeavingOwner } from "@/lib/orgs/organizations-of-leaving-owner";
import { consumeVerification, releaseVerification } from "./step-up";

/** Where the owner hands ownership over (the delete page links to it). */
export const HAND_OVER_PATH = "/console/admins";
export const OWNER_CANNOT_DELETE =
  "You own this Mailgate, so your account can't be deleted yet. First hand ownership over to another admin in the console (Admins); then delete your account.";

/**
 * Deletes the account and everything that names it: the user row (its
 * sessions, factors, backup codes, verifications and challenges go with it
 * by cascade), its activity, and the rows keyed by its address — pending
 * codes and flows, lock counters, queued and sent emails, dev-mailbox
 * messages. Addresses of email changes it had pending are included.
 * The owner is refused: deleting them would leave the install without one
 * (or, as it once did, promote whoever signed up next). So is the last owner
 * of an organization with other members; organizations they are alone in
 * are deleted with them.
 */
export async function deleteAccount(
  user: CurrentUser, verificationId: string | undefined, typedEmail: unknown, ctx: RequestContext,
): Promise<Result<null>> {
  void ctx; // Same signature as the other operations; no activity is kept for a deleted account.
  if ((await getOwnerId()) === user.id) return failWith("conflict", OWNER_CANNOT_DELETE);
  const leaving = await organizationsOfLeavingOwner(user.id);
  if (leaving.blocking) return failWith("conflict", lastOwnerOf(leaving.blocking.name));
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } });
  const typed = normalizeEmail(typedEmail);
  if (!typed.ok || emailKey(typed.email) !== emailKey(account.email)) {
    return failField("email", "Type your email address exactly as it is shown.");
  }
  const consumed = await consumeVerification(user, verificationId, "delete_account");
  if (!consumed.ok) return consumed;

  const pendingChanges = await db.authFlow.findMany({
    where: { kind: "email-change", data: { contains: user.id } },
    select: { id: true, email: true },
  });
  const addresses = [...new Set([account.email, ...pendingChanges.map((f) => f.email)])];
  const flowIds = pendingChanges.map((f) => f.id);
  const rateKeys = addresses.flatMap((a) => [`send-address:${a}|`, `${accountPasswordBucket(a)}|`]);
  const refused = await db.$transaction(async (tx) => {
    // The organizations' locks first (in a fixed order), so no co-owner leaves between the check and the deletion.
    for (const id of leaving.owned) await lockOrganization(tx, id);
    const now = await organizationsOfLeavingOwner(user.id, tx);
    if (now.blocking) return now.blocking;
    await tx.organization.deleteMany({ where: { id: { in: now.alone } } });
    await tx.auditEvent.deleteMany({ where: { userId: user.id } });
    await tx.user.delete({ where: { id: user.id } });
    await tx.verificationCode.deleteMany({ where: { OR: [{ email: { in: addresses } }, { flowId: { in: flowIds } }] } });
    await tx.authFlow.deleteMany({ where: { OR: [{ email: { in: addresses } }, { id: { in: flowIds } }] } });
    await tx.addressGuard.deleteMany({ where: { email: { in: addresses } } });
    await tx.rateCounter.deleteMany({ where: { OR: rateKeys.map((prefix) => ({ id: { startsWith: prefix } })) } });
    await tx.emailMessage.deleteMany({ where: { recipient: { in: addresses } } });
    await tx.devMailboxMessage.deleteMany({ where: { to: { in: addresses } } });
    // Their answered invitations name the address; pending ones are the inviting organization's (they may still be accepted by a new account).
    await tx.invitation.deleteMany({ where: { email: { in: addresses }, status: { not: "pending" } } });
    return null;
  });
  if (refused) {
    await releaseVerification(user, verificationId!, "delete_account");
    return failWith("conflict", lastOwnerOf(refused.name));
  }
  return ok(null);
}
