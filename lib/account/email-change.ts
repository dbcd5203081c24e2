import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { claimFlow, createFlow, getFlow, type Flow } from "@/lib/auth/flow";
import type { RequestContext } from "@/lib/auth/request-context";
import { parseEmail } from "@/lib/auth/validate";
import { resendAvailableIn } from "@/lib/otp/issue-code";
import { getSettings } from "@/lib/settings/get-settings";
import { ok, type Result } from "@/lib/result";
import { failField, failWith } from "@/lib/errors/failure";
import { recordEvent } from "./audit";
import { checkCode } from "./codes";
import { sendNewAddressEmail } from "./new-address-email";
import { notify } from "./notify";
import { consumeVerification, releaseVerification } from "./step-up";

/**
 * Changing the sign-in address: a step-up proof, then a code sent to the
 * NEW address proves the user receives mail there; only then does the
 * account move, and the OLD address is told. The pending change is an
 * AuthFlow ("email-change") bound to the user and session that started it.
 * An address that already has an account is answered exactly like a free
 * one (see ./new-address-email.ts), so this is no way to list accounts.
 */
const CANNOT_USE = "This address can't be used. Choose another.";
const EXPIRED = "This email change has expired. Start again.";

async function pendingChange(user: CurrentUser, changeId: unknown): Promise<Flow | null> {
  if (typeof changeId !== "string") return null;
  const flow = await getFlow(changeId, "email-change");
  return flow && flow.data.userId === user.id && flow.data.sessionId === user.sessionId ? flow : null;
}

export async function startEmailChange(
  user: CurrentUser, verificationId: string | undefined, newEmail: unknown, ctx: RequestContext,
): Promise<Result<{ changeId: string; email: string }>> {
  const email = parseEmail(newEmail);
  if (!email.ok) return email;
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, locale: true } });
  if (email.value === account.email) return failField("email", "This is already your address. Enter a new one.");
  const consumed = await consumeVerification(user, verificationId, "change_email");
  if (!consumed.ok) return consumed;
  const { signInExperience: sie } = await getSettings();
  const flow = await createFlow("email-change", email.value, { userId: user.id, sessionId: user.sessionId });
  const sent = await sendNewAddressEmail(email.value, account.locale, flow.id, ctx, sie.otp);
  if (!sent.ok) {
    await claimFlow(flow.id, false);
    if (verificationId) await releaseVerification(user, verificationId, "change_email");
    return sent;
  }
  return ok({ changeId: flow.id, email: email.value });
}

/** The pending change for its code page: the new address and the resend countdown. */
export async function getEmailChange(user: CurrentUser, changeId: unknown): Promise<{ email: string; resendInSeconds: number } | null> {
  const flow = await pendingChange(user, changeId);
  if (!flow) return null;
  const { signInExperience: sie } = await getSettings();
  return { email: flow.email, resendInSeconds: await resendAvailableIn("BindNewIdentifier", flow.email, sie.otp) };
}

export async function resendEmailChangeCode(user: CurrentUser, changeId: unknown, ctx: RequestContext): Promise<Result<null>> {
  const flow = await pendingChange(user, changeId);
  if (!flow) return failWith("not_found", EXPIRED);
  const { signInExperience: sie } = await getSettings();
  const account = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true } });
  return sendNewAddressEmail(flow.email, account.locale, flow.id, ctx, sie.otp);
}

export async function confirmEmailChange(user: CurrentUser, changeId: unknown, code: unknown, ctx: RequestContext): Promise<Result<{ email: string }>> {
  const flow = await pendingChange(user, changeId);
  if (!flow) return failWith("not_found", EXPIRED);
  const { signInExperience: sie } = await getSettings();
  const checked = await checkCode("BindNewIdentifier", flow.email, flow.id, code, ctx, sie.otp);
  if (!checked.ok) return checked;
  if (!(await claimFlow(flow.id, false))) return failWith("not_found", EXPIRED);

  const old = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, locale: true } });
  try {
    await db.user.update({ where: { id: user.id }, data: { email: flow.email, emailVerifiedAt: new Date() } });
  } catch (error) {
    // Someone signed up with the address after its code was sent (a taken
    // address never gets one): the user has shown they own it, so saying so leaks nothing.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return failField("email", CANNOT_USE, "conflict");
  }
  await notify(old, "EmailChanged", ctx, { newEmail: flow.email });
  await recordEvent("email_changed", { userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent });
  return ok({ email: flow.email });
}
