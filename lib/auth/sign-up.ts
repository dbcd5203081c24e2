import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { pickLocale } from "@/lib/mail/locale";
import { getSettings } from "@/lib/settings/get-settings";
import { fail, fieldFail, ok, type Result } from "@/lib/result";
import { claimFlow, getFlow } from "./flow";
import { hashPassword } from "./password";
import type { RequestContext } from "./request-context";
import { checkFlowCode, startCodeFlow } from "./flow-code";
import { createSessionTicket } from "./session";
import { recordEvent } from "@/lib/account/audit";
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

/** Step 2: the right code creates the verified account and a session. */
export async function completeSignUp(flowId: string | undefined, code: unknown, ctx: RequestContext): Promise<Result<{ ticket: string }>> {
  const { signInExperience: sie } = await getSettings();
  const flow = await getFlow(flowId, "sign-up");
  if (!flow) return fail("This sign-up has expired. Start again.");
  const checked = await checkFlowCode(flow, code, ctx, sie.otp);
  if (!checked.ok) return checked;
  if (!(await claimFlow(flow.id, false))) return fail("This sign-up was already completed.");

  const userId = randomUUID();
  try {
    await db.user.create({
      data: {
        id: userId, email: flow.email, name: (flow.data.name as string | null) ?? null,
        passwordHash: String(flow.data.passwordHash), locale: (flow.data.locale as string | undefined) ?? null,
        emailVerifiedAt: new Date(),
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    return fail("An account with this email already exists. Sign in instead.");
  }
  await recordEvent("sign_in", { userId, ip: ctx.ip, userAgent: ctx.userAgent }, { method: "sign_up" });
  return ok({ ticket: await createSessionTicket(userId, ctx) });
}
