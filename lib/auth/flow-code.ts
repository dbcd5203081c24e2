import "server-only";
import { sql } from "@/lib/db";
import { param } from "@/lib/db-sql";
import { addressSuppressed } from "@/lib/deliverability/suppressions";
import { pickLocale } from "@/lib/mail/locale";
import { enqueue, expireMessage, type Enqueued } from "@/lib/mail/outbox";
import { composeEmail, deliverInline, type ComposedEmail, type SendEmailResult } from "@/lib/mail/send-email";
import type { EmailKind, Locale } from "@/lib/mail/render";
import { issueCode, withdrawCode, type IssueInput, type IssueOptions } from "@/lib/otp/issue-code";
import { issueFailure, sendFailure, verifyFailure } from "@/lib/otp/messages";
import { verifyCode, type OnConsumed, type VerifyInput, type VerifyResult } from "@/lib/otp/verify-code";
import type { OtpLimits } from "@/lib/settings/schema";
import type { Failure } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { FLOW_KINDS, newFlow, saveFlow, sweepExpiredFlows, type Flow, type FlowKind } from "./flow";
import { notifyLockout } from "./notify-lockout";
import { ipOf, type RequestContext } from "./request-context";

/**
 * Issues the flow's code and emails it, or, when the address cannot use the
 * code (no account for sign-in/reset, an existing account for sign-up or
 * an invitation's new account),
 * emails a notice instead. A code is issued either way so the cooldown,
 * limits and timing are the same: the screen never tells who is registered.
 */
/** `noticeLink`: where the notice's "Sign in" goes instead of /sign-in (back to the invitation the flow started from). */
export type FlowEmailOptions = { noticeLink?: string };

export async function sendFlowCode(
  flow: Flow, ctx: RequestContext, limits: OtpLimits, options: FlowEmailOptions = {}, issueOptions: Pick<IssueOptions, "before"> = {},
): Promise<Result<null>> {
  const purpose = FLOW_KINDS[flow.kind];
  const [user] = await sql.query<{ locale: string | null }>(`SELECT "locale" FROM "User" WHERE "email" = ${param(1)}`, flow.email);
  const { kind, carriesCode } = flowEmailKind(flow, Boolean(user));
  const locale = pickLocale(user?.locale ?? (flow.data.locale as string | undefined), ctx.acceptLanguage);
  const link = kind === "AccountExistsNotice" ? options.noticeLink : undefined;
  const provider = kind === "LinkIdentity" ? String(flow.data.provider) : undefined;
  return issueAndEmail({ purpose, email: flow.email, flowId: flow.id, ip: ctx.ip }, limits, { kind, locale, carriesCode, ip: ipOf(ctx), link, provider }, issueOptions);
}

/**
 * Which email a flow's address gets. Sign-up and the invitation's new
 * account are for addresses without one; a social link is for either (an
 * account's address gets the link code, a new one the sign-up code, or,
 * while sign-up is not open, the "no account" notice: the flow's
 * `signUpOpen`); the rest are for addresses with one.
 */
function flowEmailKind(flow: Flow, hasAccount: boolean): { kind: EmailKind; carriesCode: boolean } {
  if (flow.kind === "social-link") {
    if (hasAccount) return { kind: "LinkIdentity", carriesCode: true };
    return flow.data.signUpOpen === true ? { kind: "Register", carriesCode: true } : { kind: "NoAccountNotice", carriesCode: false };
  }
  const forNewAccount = flow.kind === "sign-up" || flow.kind === "invitation";
  const carriesCode = forNewAccount ? !hasAccount : hasAccount;
  return { kind: carriesCode ? FLOW_KINDS[flow.kind] : forNewAccount ? "AccountExistsNotice" : "NoAccountNotice", carriesCode };
}

/** `provider`: the social sign-in a LinkIdentity code connects. */
export type CodeEmail = { kind: EmailKind; locale: Locale; carriesCode: boolean; ip?: string; link?: string; provider?: string };

/**
 * Issues a code and writes its email to the outbox in one transaction (a
 * code without its email would sit out its cooldown with nothing sent),
 * then makes the email's first attempt. Fails when the code is refused
 * (`rate_limited`: cooldown, limits, lock; `address_suppressed`: the
 * address is on the suppression list) or its email cannot be sent
 * (`send_failed`, settleCodeSend); ok when it left or is on its way.
 */
export async function issueAndEmail(
  issue: IssueInput, limits: OtpLimits, email: CodeEmail, issueOptions: Pick<IssueOptions, "before"> = {},
): Promise<Result<null>> {
  let composed: ComposedEmail | undefined;
  let queued: Enqueued | undefined;
  const issued = await issueCode(issue, limits, {
    ...issueOptions,
    withCode: async (code) => {
      const vars = email.carriesCode ? { code, ttlMinutes: Math.round(limits.ttlSeconds / 60), provider: email.provider } : email.link ? { link: email.link } : {};
      const ready = await composeEmail({ kind: email.kind, to: issue.email, locale: email.locale, vars, ip: email.ip });
      composed = ready;
      return async (tx) => {
        // issueCode refused a suppressed address already, in the same read as the code's state.
        queued = await enqueue(ready.message, { connector: ready.connectorId, recipientChecked: true }, tx);
      };
    },
  });
  if (!issued.ok) return issued.reason === "suppressed" ? addressSuppressed() : issueFailure(issued);
  const sent = await deliverInline(queued!, composed!);
  return (await settleCodeSend(sent, issued.id, email.carriesCode)) ?? ok(null);
}

/**
 * After a code's email was handed to the outbox: null when it left, or when
 * it is still on its way (in flight, or a temporary failure the outbox
 * retries: the code stays valid and the code page says the email is
 * delayed). A permanent failure withdraws the code, so the user can ask
 * again at once, and expires its email, so it never goes out later (an
 * operator's retry included); the user is told why.
 */
export async function settleCodeSend(sent: SendEmailResult, codeId: string, emailCarriesCode = true): Promise<Failure | null> {
  if (sent.ok || sent.retrying) return null;
  await withdrawCode(codeId);
  if (emailCarriesCode) await expireMessage(sent.messageId);
  return sendFailure(sent.errorCode);
}

/** Verifies a code; a lock the failure starts is told to the owner of the address. */
export async function verifyAndNotify(input: VerifyInput, limits: OtpLimits, ctx: RequestContext, onConsumed?: OnConsumed): Promise<VerifyResult> {
  const verified = await verifyCode(input, limits, new Date(), onConsumed);
  await notifyLockout(verified, input.email, limits.lockMinutes, ctx);
  return verified;
}

/** Step 1 of every code flow: a new flow for the address, and its email (the flow is written in its code's commit). */
export async function startCodeFlow(
  kind: FlowKind, email: string, ctx: RequestContext, limits: OtpLimits, data: Record<string, unknown> = {}, options: FlowEmailOptions = {},
): Promise<Result<{ flowId: string; email: string }>> {
  const flow = newFlow(kind, email, data);
  const sent = await sendFlowCode(flow, ctx, limits, options, { before: (tx) => saveFlow(flow, tx) });
  await sweepExpiredFlows();
  return sent.ok ? ok({ flowId: flow.id, email }) : sent;
}

/** Checks the code typed on a flow's code page; a lock it starts is told to the owner. `onConsumed`: as verifyCode's. */
export async function checkFlowCode(flow: Flow, code: unknown, ctx: RequestContext, limits: OtpLimits, onConsumed?: OnConsumed): Promise<Result<null>> {
  const verified = await verifyAndNotify(
    { purpose: FLOW_KINDS[flow.kind], email: flow.email, flowId: flow.id, code: String(code ?? ""), ip: ctx.ip },
    limits,
    ctx,
    onConsumed,
  );
  return verified.ok ? ok(null) : verifyFailure(verified);
}
