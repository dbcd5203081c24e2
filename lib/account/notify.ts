import "server-only";
import { pickLocale } from "@/lib/mail/locale";
import { sendEmail, type SendEmailInput } from "@/lib/mail/send-email";
import type { NoticeKind } from "@/emails/kinds";
import type { RequestContext } from "@/lib/auth/request-context";
import { ipOf } from "@/lib/auth/request-context";
import type { Recipient } from "./codes";

/**
 * Tells the owner what just happened to their account. The change is done
 * either way; a failed notice is recorded in the outbox and the console.
 */
export async function notify(to: Recipient, kind: NoticeKind, ctx: RequestContext, vars: SendEmailInput["vars"] = {}): Promise<void> {
  await sendEmail({ kind, to: to.email, locale: pickLocale(to.locale, ctx.acceptLanguage), vars, ip: ipOf(ctx) });
}
