import "server-only";
import { isSecurityNotice, type NoticeKind } from "@/emails/kinds";
import { pickLocale } from "@/lib/mail/locale";
import { sendEmail, type SendEmailInput } from "@/lib/mail/send-email";
import { describeDevice } from "./user-agent";
import type { RequestContext } from "@/lib/auth/request-context";
import { ipOf } from "@/lib/auth/request-context";
import type { Recipient } from "./codes";

/** "2026-12-07 09:30 UTC": one unambiguous form for every language. */
export const utcMinute = (at: Date): string => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * When, from which browser and from which IP address a request came: what a
 * security notice tells the owner, so they can tell their own change from
 * someone else's.
 */
export function whenAndWhere(ctx: RequestContext, at = new Date()): Pick<NonNullable<SendEmailInput["vars"]>, "occurredAt" | "device" | "fromIp"> {
  return { occurredAt: utcMinute(at), device: describeDevice(ctx.userAgent), fromIp: ipOf(ctx) };
}

/**
 * Tells the owner what just happened to their account. The change is done
 * either way; a failed notice is recorded in the outbox and the console.
 */
export async function notify(
  to: Recipient, kind: NoticeKind, ctx: RequestContext, vars: SendEmailInput["vars"] = {},
): Promise<void> {
  const where = isSecurityNotice(kind) ? whenAndWhere(ctx) : {};
  await sendEmail({ kind, to: to.email, locale: pickLocale(to.locale, ctx.acceptLanguage), vars: { ...where, ...vars }, ip: ipOf(ctx) });
}
