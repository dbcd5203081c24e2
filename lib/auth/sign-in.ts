import "server-only";
import { db, sql } from "@/lib/db";
import type { Sql } from "@/lib/db-direct";
import { param } from "@/lib/db-sql";
import { confirmedFactorCount } from "@/lib/account/factors";
import { CODE_DEAD } from "@/lib/otp/messages";
import { getSettings } from "@/lib/settings/get-settings";
import type { Result } from "@/lib/result";
import { failField, failWith } from "@/lib/errors/failure";
import { claimFlow, getFlowAndAccount } from "./flow";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "./password";
import { accountPasswordBucket, checkPasswordWithin } from "./password-attempt";
import type { RequestContext } from "./request-context";
import { checkFlowCode, startCodeFlow } from "./flow-code";
import { continueSignIn, type SignInStep } from "./mfa-challenge";
import { recordEvent } from "@/lib/account/audit";
import { parseEmail } from "./validate";

export const WRONG_CREDENTIALS = "Email or password is wrong.";
const TOO_MANY = "Too many sign-in attempts. Wait a few minutes and try again.";

/** Wrong passwords from one IP per 15 minutes, across accounts (credential stuffing). */
const MAX_FAILURES_PER_IP = 100;

type PasswordAccount = { id: string; passwordHash: string | null; factors: number | bigint | string };
// The account and how many second factors it has, in one round trip (continueSignIn needs the count).
const PASSWORD_ACCOUNT = `SELECT u."id", u."passwordHash",
    ${confirmedFactorCount(`u."id"`)} AS "factors"
  FROM "User" u WHERE u."email" = ${param(1)}`;

/**
 * Password sign-in. Unknown address and wrong password give the same answer
 * after the same work (a dummy hash is verified, the same limits are
 * taken), and only failures count toward the limits, so the owner is not
 * locked out by successes.
 */
export async function signInWithPassword(input: { email: unknown; password: unknown }, ctx: RequestContext): Promise<Result<SignInStep>> {
  const { signInExperience: sie } = await getSettings();
  if (!sie.signIn.password) return failWith("forbidden", "Password sign-in is turned off.");
  const email = parseEmail(input.email);
  if (!email.ok) return email;
  const password = typeof input.password === "string" ? input.password : "";
  if (!password) return failField("password", "Enter your password.");

  const [found] = await sql.query<PasswordAccount>(PASSWORD_ACCOUNT, email.value);
  const user = found ? { ...found, factors: Number(found.factors) } : null;
  const checked = await checkPasswordWithin(
    [
      { bucket: `password-ip:${ctx.ip}`, limit: MAX_FAILURES_PER_IP },
      { bucket: accountPasswordBucket(email.value), limit: sie.password.maxFailuresPer15Minutes },
    ],
    () => (user?.passwordHash ? verifyPassword(user.passwordHash, password) : verifyAgainstDummy(password)),
    // Only a real hash can be right. The session and its activity row land in the commit that gives the attempts back.
    (tx) => continueSignIn(user!.id, "password", ctx, "password", { factors: user!.factors, client: tx }),
  );
  if (checked.verdict === "limited") return failWith("rate_limited", TOO_MANY);
  if (!user || checked.verdict === "wrong") {
    // Only an existing account has an activity list to show this in.
    if (user) await recordEvent("sign_in_failed", { userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent }, { reason: user.passwordHash ? "wrong_password" : "no_password" });
    return failWith("unauthorized", WRONG_CREDENTIALS);
  }
  if (user.passwordHash && needsRehash(user.passwordHash)) {
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  }
  return checked.value;
}

export async function startCodeSignIn(input: { email: unknown }, ctx: RequestContext): Promise<Result<{ flowId: string; email: string }>> {
  const { signInExperience: sie } = await getSettings();
  if (!sie.signIn.emailCode) return failWith("forbidden", "Sign-in with an email code is turned off.");
  const email = parseEmail(input.email);
  if (!email.ok) return email;
  return startCodeFlow("sign-in", email.value, ctx, sie.otp);
}

export async function completeCodeSignIn(flowId: string | undefined, code: unknown, ctx: RequestContext): Promise<Result<SignInStep>> {
  const { signInExperience: sie } = await getSettings();
  const found = await getFlowAndAccount(flowId, "sign-in");
  if (!found) return failWith("not_found", "This sign-in has expired. Start again.");
  const { flow, account } = found;
  // The code's consumption, the end of the flow, the session and its activity row: one commit (each waits for the disk).
  let step: Result<SignInStep> | undefined;
  const signIn = account && {
    direct: async (tx: Sql) => {
      if (!(await claimFlow(flow.id, false, tx))) throw new FlowEnded();
      step = await continueSignIn(account.userId, "email_code", ctx, "email_code", { factors: account.confirmedFactors, client: tx });
    },
  };
  let checked: Result<null>;
  try {
    checked = await checkFlowCode(flow, code, ctx, sie.otp, signIn ?? undefined);
  } catch (error) {
    if (error instanceof FlowEnded) return failField("code", CODE_DEAD);
    throw error;
  }
  if (!checked.ok) {
    if (account) await recordEvent("sign_in_failed", { userId: account.userId, ip: ctx.ip, userAgent: ctx.userAgent }, { reason: "wrong_code" });
    return checked;
  }
  // No account: the code can only have been guessed (its address was sent a notice, not the code).
  return step ?? failField("code", CODE_DEAD);
}

/** The flow expired between reading it and consuming its code: the consumption is rolled back with the rest. */
class FlowEnded extends Error {}
