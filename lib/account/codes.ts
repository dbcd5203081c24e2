import "server-only";
import { pickLocale } from "@/lib/mail/locale";
import { expireMessage } from "@/lib/mail/outbox";
import { sendEmail } from "@/lib/mail/send-email";
import { issueCode, withdrawCode } from "@/lib/otp/issue-code";
import { issueFailureMessage, SEND_FAILED, UNDELIVERABLE, verifyFailureMessage } from "@/lib/otp/messages";
import { verifyCode } from "@/lib/otp/verify-code";
import { notifyLockout } from "@/lib/auth/notify-lockout";
import type { Purpose } from "@/lib/otp/purposes";
import type { OtpLimits } from "@/lib/settings/schema";
import { ok, type Result } from "@/lib/result";
import type { RequestContext } from "@/lib/auth/request-context";
import { codedFail, codedFieldFail } from "./errors";

export type Recipient = { email: string; locale: string | null };

export const ipOf = (ctx: RequestContext) => (ctx.ip === "unknown" ? undefined : ctx.ip);

/**
 * Issues a code bound to `flowId` (a verification, enrolment, email change
 * or MFA challenge id) and emails it. The cooldown and per-address limits of
 * the code engine apply; a permanent send failure withdraws the code so the
 * user can try again at once, a temporary one stays with the outbox.
 */
export async function sendCode(
  purpose: Purpose, to: Recipient, flowId: string, ctx: RequestContext, limits: OtpLimits,
): Promise<Result<null>> {
  const issued = await issueCode({ purpose, email: to.email, flowId, ip: ctx.ip }, limits);
  if (!issued.ok) return codedFail("rate_limited", issueFailureMessage(issued));
  const sent = await sendEmail({
    kind: purpose, to: to.email, locale: pickLocale(to.locale, ctx.acceptLanguage),
    vars: { code: issued.code, ttlMinutes: Math.round(limits.ttlSeconds / 60) }, ip: ipOf(ctx),
  });
  if (!sent.ok && !sent.retrying) {
    await withdrawCode(issued.id);
    await expireMessage(sent.messageId); // its code no longer works: never deliver it later
    return codedFail("send_failed", sent.errorCode === "rejected_recipient" ? UNDELIVERABLE : SEND_FAILED);
  }
  return ok(null);
}

/**
 * Checks a code issued by `sendCode`. Wrong codes count toward the code's
 * 5 tries and the address's lock (whose start is told to the owner).
 */
export async function checkCode(
  purpose: Purpose, email: string, flowId: string, code: unknown, ctx: RequestContext, limits: OtpLimits,
): Promise<Result<null>> {
  const verified = await verifyCode({ purpose, email, flowId, code: typeof code === "string" ? code : "", ip: ctx.ip }, limits);
  if (verified.ok) return ok(null);
  await notifyLockout(verified, email, limits.lockMinutes);
  const limited = verified.reason === "locked" || verified.reason === "rate_limited";
  return codedFieldFail(limited ? "rate_limited" : "invalid_input", "code", verifyFailureMessage(verified));
}
