import "server-only";
import type { Tx } from "@/lib/db";
import type { ErrorCode } from "@/lib/errors/codes";
import { failWith } from "@/lib/errors/failure";
import { getSettings } from "@/lib/settings/get-settings";
import { ok, type Result } from "@/lib/result";
import { verifyFailure } from "@/lib/otp/messages";
import { verifyCode } from "@/lib/otp/verify-code";
import { createVerifiedAccount } from "./create-verified-account";
import { claimFlow, FLOW_KINDS, getFlow, type Flow } from "./flow";
import { notifyLockout } from "./notify-lockout";
import type { RequestContext } from "./request-context";
import { createSession, type SessionRef } from "./session";

/** Why the account could not be created after all; thrown (by `alongside` too) to roll the code's consumption back. */
export class AccountRefused extends Error {
  constructor(message: string, readonly code?: ErrorCode) {
    super(message);
  }
}

/** What else the new account gets in its creating transaction (an organization's membership). */
export type Alongside = (tx: Tx, userId: string, flow: Flow) => Promise<void>;

/**
 * The last step of a flow that creates an account (sign-up, an invitation
 * for a new address): the right code creates the verified account and a
 * session. The code's consumption, the end of the flow, the account with
 * its first activity row (and, for the first account, the ownership:
 * createVerifiedAccount, which the e2e seeder calls too), `alongside` and
 * the session are one transaction: if any of it fails, the code is still
 * unused and the same code can be entered again.
 */
export async function finishAccountFlow(
  kind: "sign-up" | "invitation", flowId: string | undefined, code: unknown, ctx: RequestContext, alongside?: Alongside,
): Promise<Result<{ session: SessionRef }>> {
  const { signInExperience: sie } = await getSettings();
  const flow = await getFlow(flowId, kind);
  if (!flow) return failWith("not_found", "This sign-up has expired. Start again.");
  let session: SessionRef | undefined;
  try {
    // checkFlowCode's steps, with the account created inside the consuming transaction.
    const input = { purpose: FLOW_KINDS[flow.kind], email: flow.email, flowId: flow.id, code: String(code ?? ""), ip: ctx.ip };
    const verified = await verifyCode(input, sie.otp, new Date(), async (tx) => {
      session = await createAccount(tx, flow, ctx, alongside);
    });
    await notifyLockout(verified, flow.email, sie.otp.lockMinutes, ctx);
    if (!verified.ok) return verifyFailure(verified);
  } catch (error) {
    if (error instanceof AccountRefused) return failWith(error.code ?? "not_found", error.message);
    if ((error as { code?: string }).code !== "P2002") throw error;
    return failWith("conflict", "An account with this email already exists. Sign in instead.");
  }
  // verifyCode ran createAccount when it answered ok.
  return ok({ session: session! });
}

async function createAccount(tx: Tx, flow: Flow, ctx: RequestContext, alongside?: Alongside): Promise<SessionRef> {
  if (!(await claimFlow(flow.id, false, tx))) throw new AccountRefused("This sign-up was already completed.");
  const account = {
    email: flow.email, name: (flow.data.name as string | null) ?? null,
    passwordHash: String(flow.data.passwordHash), locale: (flow.data.locale as string | undefined) ?? null,
  };
  const userId = await createVerifiedAccount(tx, account, ctx);
  await alongside?.(tx, userId, flow);
  return createSession(userId, ctx, tx);
}
