import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { emailKey, normalizeEmail } from "@/lib/auth/email";
import { accountPasswordBucket } from "@/lib/auth/password-attempt";
import type { RequestContext } from "@/lib/auth/request-context";
import { getOwnerId } from "@/lib/auth/roles";
import { ok, type Result } from "@/lib/result";
import { failField, failWith } from "@/lib/errors/failure";
import { consumeVerification } from "./step-up";

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
 * (or, as it once did, promote whoever signed up next).
 */
export async function deleteAccount(
  user: CurrentUser, verificationId: string | undefined, typedEmail: unknown, ctx: RequestContext,
): Promise<Result<null>> {
  void ctx; // Same signature as the other operations; no activity is kept for a deleted account.
  if ((await getOwnerId()) === user.id) return failWith("conflict", OWNER_CANNOT_DELETE);
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
  await db.$transaction([
    db.auditEvent.deleteMany({ where: { userId: user.id } }),
    db.user.delete({ where: { id: user.id } }),
    db.verificationCode.deleteMany({ where: { OR: [{ email: { in: addresses } }, { flowId: { in: flowIds } }] } }),
    db.authFlow.deleteMany({ where: { OR: [{ email: { in: addresses } }, { id: { in: flowIds } }] } }),
    db.addressGuard.deleteMany({ where: { email: { in: addresses } } }),
    db.rateCounter.deleteMany({ where: { OR: rateKeys.map((prefix) => ({ id: { startsWith: prefix } })) } }),
    db.emailMessage.deleteMany({ where: { recipient: { in: addresses } } }),
    db.devMailboxMessage.deleteMany({ where: { to: { in: addresses } } }),
  ]);
  return ok(null);
}
