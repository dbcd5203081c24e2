import "server-only";
import type { Tx } from "@/lib/db";
import { createVerifiedAccount } from "@/lib/auth/create-verified-account";
import { AccountRefused } from "@/lib/auth/finish-account-flow";
import { claimFlow, getFlow, type Flow } from "@/lib/auth/flow";
import { continueSignIn, type SignInStep } from "@/lib/auth/mfa-challenge";
import { notifyLockout } from "@/lib/auth/notify-lockout";
import type { RequestContext } from "@/lib/auth/request-context";
import { FLOW_EXPIRED } from "@/lib/auth/resend-code";
import { createSession } from "@/lib/auth/session";
import { failWith } from "@/lib/errors/failure";
import { verifyFailure } from "@/lib/otp/messages";
import { verifyCode } from "@/lib/otp/verify-code";
import { ok, type Result } from "@/lib/result";
import { getSettings } from "@/lib/settings/get-settings";
import { notifyIdentityChange } from "./identity-notice";
import { linkIdentity } from "./link-identity";
import { nameOf, readPending, type PendingIdentity } from "./pending-identity";
import { signUpMode } from "./sign-up-mode";

const CLOSED = "New accounts can't be created here. Sign in with an existing account instead.";

/**
 * The code page of a pending social sign-in: the right code links the
 * identity to the address's account (or, for an address without one while
 * sign-up is open, to a new account) and signs in, with the second step
 * when the account has one. The code's consumption, the end of the flow,
 * the account and the link are one transaction: a wrong code, or a refusal
 * (the identity linked elsewhere meanwhile), links nothing and leaves the
 * code unused.
 */
export async function completeSocialLink(flowId: string | undefined, code: unknown, ctx: RequestContext): Promise<Result<SignInStep>> {
  const { signInExperience: sie } = await getSettings();
  const flow = await getFlow(flowId, "social-link");
  if (!flow) return failWith("not_found", FLOW_EXPIRED);
  const pending = readPending(flow);
  let linked: { userId: string; created: boolean; newLink: boolean } | undefined;
  try {
    const input = { purpose: "LinkIdentity" as const, email: flow.email, flowId: flow.id, code: String(code ?? ""), ip: ctx.ip };
    const verified = await verifyCode(input, sie.otp, new Date(), async (tx) => {
      linked = await linkInTransaction(tx, flow, pending, ctx, signUpMode(sie) === "open");
    });
    await notifyLockout(verified, flow.email, sie.otp.lockMinutes, ctx);
    if (!verified.ok) return verifyFailure(verified);
  } catch (error) {
    if (error instanceof AccountRefused) return failWith(error.code ?? "not_found", error.message);
    if ((error as { code?: string }).code !== "P2002") throw error;
    return failWith("conflict", "An account with this email was created meanwhile. Start again.");
  }
  const { userId, created, newLink } = linked!;
  // An existing account just gained a way in: its owner is told, now that it is committed (a new account is not: this sign-in made it).
  if (!created && newLink) await notifyIdentityChange(userId, "IdentityLinked", pending.profile, ctx);
  // A new account has no second factor yet; createVerifiedAccount recorded its first sign-in.
  if (created) return ok({ session: await createSession(userId, ctx) });
  return continueSignIn(userId, "social", ctx, { method: "social", provider: pending.provider });
}

async function linkInTransaction(tx: Tx, flow: Flow, pending: PendingIdentity, ctx: RequestContext, signUpOpen: boolean) {
  if (!(await claimFlow(flow.id, false, tx))) throw new AccountRefused(FLOW_EXPIRED);
  const existing = await tx.user.findUnique({ where: { email: flow.email }, select: { id: true } });
  if (!existing && !signUpOpen) throw new AccountRefused(CLOSED, "forbidden");
  const userId = existing?.id ?? (await createVerifiedAccount(tx, newAccount(flow, pending), ctx));
  const result = await linkIdentity(userId, pending.profile, ctx, tx);
  if (!result.ok) throw new AccountRefused(result.formError ?? "This sign-in can't be connected.", result.code);
  return { userId, created: !existing, newLink: result.value.created };
}

const newAccount = (flow: Flow, pending: PendingIdentity) => ({
  email: flow.email, name: nameOf(pending.profile), passwordHash: null, locale: (flow.data.locale as string | undefined) ?? null,
});
