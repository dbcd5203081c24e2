import "server-only";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/account/audit";
import { consumeVerification } from "@/lib/account/step-up";
import { ok, type Result } from "@/lib/result";
import { failField, failWith } from "@/lib/errors/failure";
import { ADMIN_ROLE, getOwnerId, isEnvAdmin } from "./roles";
import type { CurrentUser } from "./current-user";
import type { RequestContext } from "./request-context";
import { parseEmail } from "./validate";

/**
 * The owner's changes to who runs this install: make an account an admin,
 * take the role away, hand ownership over to another admin. Only the owner
 * may, each after a fresh "Confirm it's you" (a typo costs no proof: the
 * target is checked first), and each is recorded on both accounts.
 */
const OWNER_ONLY = "Only the owner can change who is an admin.";
const NOT_AN_ADMIN = "This account isn't an admin. Make it an admin first.";

type Target = { id: string; email: string; role: string | null };
const target = (where: { id: string } | { email: string }) => db.user.findUnique({ where, select: { id: true, email: true, role: true } });
const isStoredOrEnvAdmin = (user: Target) => user.role === ADMIN_ROLE || isEnvAdmin(user.email);

const notOwner = async (actor: CurrentUser) => ((await getOwnerId()) === actor.id ? null : failWith("invalid_request", OWNER_ONLY));

async function record(type: "admin_granted" | "admin_removed" | "ownership_transferred", actor: CurrentUser, subject: Target, ctx: RequestContext) {
  const where = { ip: ctx.ip, userAgent: ctx.userAgent };
  await recordEvent(type, { userId: subject.id, ...where });
  await recordEvent(type, { userId: actor.id, ...where }, { target: subject.id });
}

export async function grantAdmin(actor: CurrentUser, verificationId: string | undefined, email: unknown, ctx: RequestContext): Promise<Result<null>> {
  const refused = await notOwner(actor);
  if (refused) return refused;
  const parsed = parseEmail(email);
  if (!parsed.ok) return parsed;
  const user = await target({ email: parsed.value });
  if (!user) return failField("email", "There's no account with this address. Ask them to sign up first.", "not_found");
  if (user.id === actor.id || isStoredOrEnvAdmin(user)) return failField("email", "This account is already an admin.", "conflict");
  const proof = await consumeVerification(actor, verificationId, "manage_admins");
  if (!proof.ok) return proof;
  await db.user.updateMany({ where: { id: user.id }, data: { role: ADMIN_ROLE } });
  await record("admin_granted", actor, user, ctx);
  return ok(null);
}

/** Takes the stored role away; an address in ADMIN_EMAILS stays an admin until it is removed there. */
export async function removeAdmin(actor: CurrentUser, verificationId: string | undefined, userId: unknown, ctx: RequestContext): Promise<Result<null>> {
  const refused = await notOwner(actor);
  if (refused) return refused;
  const user = typeof userId === "string" && userId ? await target({ id: userId }) : null;
  if (!user || user.role !== ADMIN_ROLE) return failWith("not_found", "This account has no admin role to remove.");
  const proof = await consumeVerification(actor, verificationId, "manage_admins");
  if (!proof.ok) return proof;
  await db.user.updateMany({ where: { id: user.id, role: ADMIN_ROLE }, data: { role: null } });
  await record("admin_removed", actor, user, ctx);
  return ok(null);
}

/** The new owner must already be an admin; the old owner stays one (with the stored role) until removed. */
export async function transferOwnership(actor: CurrentUser, verificationId: string | undefined, userId: unknown, ctx: RequestContext): Promise<Result<null>> {
  const refused = await notOwner(actor);
  if (refused) return refused;
  const user = typeof userId === "string" && userId && userId !== actor.id ? await target({ id: userId }) : null;
  if (!user) return failWith("not_found", "Choose another admin to hand ownership to.");
  if (!isStoredOrEnvAdmin(user)) return failWith("invalid_request", NOT_AN_ADMIN);
  const proof = await consumeVerification(actor, verificationId, "transfer_ownership");
  if (!proof.ok) return proof;
  const moved = await db.$transaction(async (tx) => {
    // Conditional on the actor still owning: of two concurrent hand-overs one wins.
    const { count } = await tx.ownership.updateMany({ where: { id: 1, userId: actor.id }, data: { userId: user.id } });
    if (count === 1) await tx.user.update({ where: { id: actor.id }, data: { role: ADMIN_ROLE } });
    return count === 1;
  });
  if (!moved) return failWith("invalid_request", OWNER_ONLY);
  await record("ownership_transferred", actor, user, ctx);
  return ok(null);
}
