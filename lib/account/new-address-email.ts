import "server-only";
import { db } from "@/lib/db";
import { issueAndEmail } from "@/lib/auth/flow-code";
import { ipOf, type RequestContext } from "@/lib/auth/request-context";
import { pickLocale } from "@/lib/mail/locale";
import type { OtpLimits } from "@/lib/settings/schema";
import type { Result } from "@/lib/result";
import { sendCode } from "./codes";

/**
 * The email to the address an account is moving to. A free address gets
 * the BindNewIdentifier code. An address that already has an account gets
 * a notice without the code, in its owner's language; the code is issued
 * all the same and never leaves the server, so the cooldown, the limits,
 * the work done and the answer are those of a free address, and the change
 * can never be confirmed (the account update would refuse the address too).
 */
export async function sendNewAddressEmail(
  email: string, locale: string | null, flowId: string, ctx: RequestContext, limits: OtpLimits,
): Promise<Result<null>> {
  const owner = await db.user.findUnique({ where: { email }, select: { locale: true } });
  if (!owner) return sendCode("BindNewIdentifier", { email, locale }, flowId, ctx, limits);

  const notice = { kind: "EmailInUseNotice" as const, locale: pickLocale(owner.locale, ctx.acceptLanguage), carriesCode: false, ip: ipOf(ctx) };
  return issueAndEmail({ purpose: "BindNewIdentifier", email, flowId, ip: ctx.ip }, limits, notice);
}
