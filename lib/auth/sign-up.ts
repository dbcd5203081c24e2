import "server-only";
import type { Tx } from "@/lib/db";
import { pickLocale } from "@/lib/mail/locale";
import { getSettings } from "@/lib/settings/get-settings";
import { fail, fieldFail, ok, type Result } from "@/lib/result";
import { verifyFailureMessage } from "@/lib/otp/messages";
import { verifyCode } from "@/lib/otp/verify-code";
import { createVerifiedAccount } from "./create-verified-account";
import { claimFlow, FLOW_KINDS, getFlow, type Flow } from "./flow";
import { hashPassword } from "./password";
import type { RequestContext } from "./request-context";
import { startCodeFlow } from "./flow-code";
import { notifyLockout } from "./notify-lockout";
import { createSessionTicket } from "./session";
import { parseEmail, parseNewPassword } from "./validate";

type SignUpInput = { email: unknown; password: unknown; name: unknown };

/**
 * Step 1: nothing is created yet. The password hash waits in the flow until
 * the address is proven; an existing address gets a notice, not a code.
 */
export async function startSignUp(input: SignUpInput, ctx: RequestContext): Promise<Result<{ flowId: string; email: string }>> {
  const { signInExperience: sie } = await getSettings();
  if (!sie.signUp.emailPassword) return fail("Sign-up is turned off.");
  const email = parseEmail(input.email);
  if (!email.ok) return email;
  const password = parseNewPassword(input.password, sie.password.minLength, email.value);
  if (!password.ok) return password;
  const name = typeof input.name === "string" ? input.name.trim().slice(0, 100) : "";
  if (name.length > 0 && /[\u0000-\u001f]/.test(name)) return fieldFail("name", "Use letters, numbers and spaces only.");

  return startCodeFlow("sign-up", email.value, ctx, sie.otp, {
    passwordHash: await hashPassword(password.value),
    name: name || null,
    locale: pickLocale(null, ctx.acceptLanguage),
  });
}

/** Why the account could not be created after all; thrown to roll the code's consumption back. */
class SignUpRefused extends Error {}

/**
 * Step 2: the right code creates the verified account and a session. The
 * code's consumption, the end of the flow, the account (and, for the first
 * account, the ownership), its session and its first activity row are one
 * transaction: if any of it fails, the code is still unused and the same
 * code can be entered again.
 */
export async function completeSignUp(flowId: string | undefined, code: unknown, ctx: RequestContext): Promise<Result<{ ticket: string }>> {
  const { signInExperience: sie } = await getSettings();
  const flow = await getFlow(flowId, "sign-up");
  if (!flow) return fail("This sign-up has expired. Start again.");
  let ticket = "";
  try {
    // checkFlowCode's steps, with the account created inside the consuming transaction.
    const input = { purpose: FLOW_KINDS[flow.kind], email: flow.email, flowId: flow.id, code: String(code ?? ""), ip: ctx.ip };
    const verified = await verifyCode(input, sie.otp, new Date(), async (tx) => {
      ticket = await createAccount(tx, flow, ctx);
    });
    await notifyLockout(verified, flow.email, sie.otp.lockMinutes);
    if (!verified.ok) return fieldFail("code", verifyFailureMessage(verified));
  } catch (error) {
    if (error instanceof SignUpRefused) return fail(error.message);
    if ((error as { code?: string }).code !== "P2002") throw error;
    return fail("An account with this email already exists. Sign in instead.");
  }
  return ok({ ticket });
}

async function createAccount(tx: Tx, flow: Flow, ctx: RequestContext): Promise<string> {
  if (!(await claimFlow(flow.id, false, tx))) throw new SignUpRefused("This sign-up was already completed.");
  const account = {
    email: flow.email, name: (flow.data.name as string | null) ?? null,
    passwordHash: String(flow.data.passwordHash), locale: (flow.data.locale as string | undefined) ?? null,
  };
  return createSessionTicket(await createVerifiedAccount(tx, account, ctx), ctx, tx);
}
