import "server-only";
import { pickLocale } from "@/lib/mail/locale";
import { verifyFailure } from "@/lib/otp/messages";
import type { Purpose } from "@/lib/otp/purposes";
import type { OtpLimits } from "@/lib/settings/schema";
import { ok, type Result } from "@/lib/result";
import { issueAndEmail, verifyAndNotify } from "@/lib/auth/flow-code";
import { ipOf, type RequestContext } from "@/lib/auth/request-context";

export type Recipient = { email: string; locale: string | null };

/**
 * Issues a code bound to `flowId` (a verification, enrolment, email change
 * or MFA challenge id) and emails it. The cooldown and per-address limits of
 * the code engine apply; a permanent send failure withdraws the code so the
 * user can try again at once, a temporary one stays with the outbox.
 */
export async function sendCode(
  purpose: Purpose, to: Recipient, flowId: string, ctx: RequestContext, limits: OtpLimits,
): Promise<Result<null>> {
  const email = { kind: purpose, locale: pickLocale(to.locale, ctx.acceptLanguage), carriesCode: true, ip: ipOf(ctx) };
  return issueAndEmail({ purpose, email: to.email, flowId, ip: ctx.ip }, limits, email);
}

/**
 * Checks a code issued by `sendCode`. Wrong codes count toward the code's
 * 5 tries and the address's lock (whose start is told to the owner).
 */
export async function checkCode(
  purpose: Purpose, email: string, flowId: string, code: unknown, ctx: RequestContext, limits: OtpLimits,
): Promise<Result<null>> {
  const verified = await verifyAndNotify({ purpose, email, flowId, code: typeof code === "string" ? code : "", ip: ctx.ip }, limits, ctx);
  return verified.ok ? ok(null) : verifyFailure(verified);
}
