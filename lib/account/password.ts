import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import type { RequestContext } from "@/lib/auth/request-context";
import { parseNewPassword } from "@/lib/auth/validate";
import { getSettings } from "@/lib/settings/get-settings";
import { ok, type Result } from "@/lib/result";
import { recordEvent } from "./audit";
import { notify } from "./notify";
import { consumeVerification } from "./step-up";

/**
 * Sets a new password, or the first one for an account made without one
 * (operation "set_password"; callers need not know which). Every OTHER
 * session ends — whoever knew the old password is signed out — while this
 * one stays, so the user is not thrown out of the page they are on.
 */
export async function changePassword(
  user: CurrentUser, verificationId: string | undefined, newPassword: unknown, ctx: RequestContext,
): Promise<Result<null>> {
  const { signInExperience: sie } = await getSettings();
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, locale: true, passwordHash: true } });
  // Checked before the proof is used, so a too-short password does not cost a new confirmation.
  const password = parseNewPassword(newPassword, sie.password.minLength, account.email);
  if (!password.ok) return password;
  const passwordHash = await hashPassword(password.value);

  const setting = !account.passwordHash;
  const consumed = await consumeVerification(user, verificationId, setting ? "set_password" : "change_password");
  if (!consumed.ok) return consumed;
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } }),
  ]);
  await notify(account, "PasswordChanged", ctx);
  await recordEvent(setting ? "password_set" : "password_changed", { userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent }, { sessionsEnded: ended.count });
  return ok(null);
}
