import "server-only";
import { db } from "@/lib/db";
import { getSettings } from "@/lib/settings/get-settings";
import { ok, type Result } from "@/lib/result";
import { failWith } from "@/lib/errors/failure";
import { claimFlow, getFlow, markFlowVerified } from "./flow";
import { hashPassword } from "./password";
import type { RequestContext } from "./request-context";
import { checkFlowCode, startCodeFlow } from "./flow-code";
import { continueSignIn, type SignInStep } from "./mfa-challenge";
import { recordEvent } from "@/lib/account/audit";
import { parseEmail, parseNewPassword } from "./validate";

/** A verified reset must be used within this long after the code was entered. */
const RESET_WINDOW_MS = 10 * 60 * 1000;

export async function startPasswordReset(input: { email: unknown }, ctx: RequestContext): Promise<Result<{ flowId: string; email: string }>> {
  const { signInExperience: sie } = await getSettings();
  if (!sie.forgotPassword.emailCode) return failWith("forbidden", "Password reset by email is turned off. Contact support.");
  const email = parseEmail(input.email);
  if (!email.ok) return email;
  return startCodeFlow("reset", email.value, ctx, sie.otp);
}

export async function verifyPasswordReset(flowId: string | undefined, code: unknown, ctx: RequestContext): Promise<Result<null>> {
  const { signInExperience: sie } = await getSettings();
  const flow = await getFlow(flowId, "reset");
  if (!flow) return failWith("not_found", "This password reset has expired. Start again.");
  const checked = await checkFlowCode(flow, code, ctx, sie.otp);
  if (!checked.ok) return checked;
  await markFlowVerified(flow.id);
  return ok(null);
}

/**
 * Sets the new password, ends every session of the user, signs this browser
 * in — through the second step when the user has one: the reset proved only
 * the inbox, which is what an email code sign-in proves.
 */
export async function completePasswordReset(flowId: string | undefined, rawPassword: unknown, ctx: RequestContext): Promise<Result<SignInStep>> {
  const { signInExperience: sie } = await getSettings();
  const flow = await getFlow(flowId, "reset");
  if (!flow?.verifiedAt || flow.verifiedAt.getTime() < Date.now() - RESET_WINDOW_MS) {
    return failWith("not_found", "This password reset has expired. Start again.");
  }
  const password = parseNewPassword(rawPassword, sie.password.minLength, flow.email);
  if (!password.ok) return password;
  const user = await db.user.findUnique({ where: { email: flow.email }, select: { id: true } });
  if (!user) return failWith("not_found", "This password reset has expired. Start again.");
  const passwordHash = await hashPassword(password.value);
  if (!(await claimFlow(flow.id, true))) return failWith("not_found", "This password reset was already used.");

  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId: user.id } }),
  ]);
  await recordEvent("password_changed", { userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent }, { via: "reset" });
  return continueSignIn(user.id, "email_code", ctx, "password_reset");
}
