"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import {
  confirmEmailFactor,
  confirmTotp,
  disableFactor,
  regenerateBackupCodes,
  resendEmailFactorCode,
  startEmailFactor,
  startTotpEnrolment,
} from "@/lib/account/mfa";
import { clearStepUpCookie, readStepUpCookie } from "@/lib/account/step-up-cookie";
import { action, field, formAction } from "@/lib/action";
import { signedInEvenIfMfaDue as guard } from "@/lib/action-guards";
import { resendState } from "@/lib/auth/action-helpers";
import { errorState, type Result } from "@/lib/result";
import type { CodesState } from "@/components/mfa/state";
import { stepUpFailure } from "../guard";
import { clearEnrolmentCookie, readEnrolmentCookie, setEnrolmentCookie, type PendingEnrolment } from "./enrolment-cookie";

/*
 * Two-step verification settings. Starting a setup, turning a factor off and
 * new backup codes each use up a "Confirm it's you"; entering the first code
 * of a setup does not (the setup itself came from one). The guard lets in a
 * user who owes the required setup: this is where it is done.
 */
const PAGE = "/account/security";
const codeInput = z.object({ code: field() });

/** The setup of this kind this browser started; without one, back to the page. */
async function pendingEnrolment(kind: PendingEnrolment["kind"]): Promise<string> {
  const pending = await readEnrolmentCookie();
  if (pending?.kind !== kind) redirect(PAGE);
  return pending.enrolmentId;
}

export const startEmailFactorAction = action({ guard }, async ({ user, ctx }) => {
  const result = await startEmailFactor(user, await readStepUpCookie(), ctx);
  if (!result.ok) return stepUpFailure(result, PAGE);
  await clearStepUpCookie();
  await setEnrolmentCookie({ kind: "email", enrolmentId: result.value.enrolmentId });
  redirect(`${PAGE}#email`);
});

export const resendEmailFactorCodeAction = action({ guard }, async ({ user, ctx }) => {
  return resendState(await resendEmailFactorCode(user, await pendingEnrolment("email"), ctx));
});

export const confirmEmailFactorAction = action({ guard, input: codeInput }, async ({ user, input, ctx }) => {
  const result = await confirmEmailFactor(user, await pendingEnrolment("email"), input.code, ctx);
  return finishSetup(result, "email-on", "doneEmailOn");
});

export const startTotpAction = action({ guard }, async ({ user, ctx }) => {
  const result = await startTotpEnrolment(user, await readStepUpCookie(), ctx);
  if (!result.ok) return stepUpFailure(result, PAGE);
  await clearStepUpCookie();
  await setEnrolmentCookie({ kind: "totp", enrolmentId: result.value.enrolmentId });
  redirect(`${PAGE}#totp`);
});

export const confirmTotpAction = action({ guard, input: codeInput }, async ({ user, input, ctx }) => {
  const result = await confirmTotp(user, await pendingEnrolment("totp"), input.code, ctx);
  return finishSetup(result, "totp-on", "doneTotpOn");
});

/**
 * The first factor comes with backup codes: they are returned as the form's
 * state (shown once, by the form that asked), with what was done (`doneKey`,
 * in the reader's language). Otherwise the page says done.
 */
async function finishSetup(result: Result<{ backupCodes: string[] | null }>, done: string, doneKey: "doneEmailOn" | "doneTotpOn"): Promise<CodesState> {
  if (!result.ok) return errorState(result);
  await clearEnrolmentCookie();
  if (result.value.backupCodes) {
    const t = await getTranslations("accountSecurity");
    return { status: "codes", codes: result.value.backupCodes, message: t("firstCodes", { done: t(doneKey) }) };
  }
  redirect(`${PAGE}?done=${done}`);
}

export const cancelEnrolmentAction = formAction({ guard }, async () => {
  await clearEnrolmentCookie();
  redirect(PAGE);
});

export const disableFactorAction = action({ guard, input: z.object({ factor: field(20) }) }, async ({ user, input, ctx }) => {
  const result = await disableFactor(user, await readStepUpCookie(), input.factor, ctx);
  if (!result.ok) return stepUpFailure(result, PAGE);
  await clearStepUpCookie();
  redirect(`${PAGE}?done=${input.factor === "totp" ? "totp-off" : "email-off"}`);
});

export const regenerateBackupCodesAction = action({ guard }, async ({ user, ctx }): Promise<CodesState> => {
  const result = await regenerateBackupCodes(user, await readStepUpCookie(), ctx);
  if (!result.ok) return stepUpFailure(result, PAGE);
  await clearStepUpCookie();
  return { status: "codes", codes: result.value.codes, message: (await getTranslations("accountSecurity"))("newCodes") };
});
