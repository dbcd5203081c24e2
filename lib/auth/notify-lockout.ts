import "server-only";
import { db } from "@/lib/db";
import { whenAndWhere } from "@/lib/account/notify";
import { pickLocale } from "@/lib/mail/locale";
import { sendEmail } from "@/lib/mail/send-email";
import { ipOf, type RequestContext } from "@/lib/auth/request-context";
import type { VerifyResult } from "@/lib/otp/verify-code";

/**
 * Tells the owner (only an existing account) that code sign-in was paused,
 * with when and from which browser and IP the wrong codes came.
 */
export async function notifyLockout(result: VerifyResult, email: string, lockMinutes: number, ctx: RequestContext): Promise<void> {
  if (result.ok || result.reason !== "wrong" || !result.lockStarted) return;
  const user = await db.user.findUnique({ where: { email }, select: { locale: true } });
  if (!user) return;
  // The user's answer is the lock message either way; a failed notice is
  // recorded in EmailMessage (and logged) by sendEmail.
  await sendEmail({
    kind: "CodeLockoutNotice", to: email, locale: pickLocale(user.locale, null), vars: { lockMinutes, ...whenAndWhere(ctx) }, ip: ipOf(ctx),
  });
}
