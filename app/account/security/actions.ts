"use server";

import { redirect } from "next/navigation";
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
import { text } from "@/lib/auth/action-helpers";
import { getRequestContext } from "@/lib/auth/request-context";
import { errorState, type ActionState, type Result } from "@/lib/result";
import type { CodesState } from "@/components/mfa/state";
import { requireUser, stepUpFailure } from "../guard";
import { clearEnrolmentCookie, readEnrolmentCookie, setEnrolmentCookie } from "./enrolment-cookie";

/*
 * Two-step verification settings. Starting a setup, turning a factor off and
 * new backup codes each use up a "Confirm it's you"; entering the first code
 * of a setup does not (the setup itself came from one). These actions use
 * requireUser, not requireAccountUser: this is where a required setup is done.
 */
const PAGE = "/account/security";
const FIRST_CODES = "Save your backup codes below before you leave this page.";

export async function startEmailFactorAction(): Promise<ActionState> {
  const user = await requireUser();
  const result = await startEmailFactor(user, await readStepUpCookie(), await getRequestContext());
  if (!result.ok) return stepUpFailure(result, PAGE);
  await clearStepUpCookie();
  await setEnrolmentCookie({ kind: "email", enrolmentId: result.value.enrolmentId });
  redirect(`${PAGE}#email`);
}

export async function resendEmailFactorCodeAction(): Promise<ActionState> {
  const user = await requireUser();
  const pending = await readEnrolmentCookie();
  if (pending?.kind !== "email") redirect(PAGE);
  const result = await resendEmailFactorCode(user, pending.enrolmentId, await getRequestContext());
  return result.ok ? { status: "ok", message: "We sent a new code." } : errorState(result);
}

export async function confirmEmailFactorAction(_: CodesState, form: FormData): Promise<CodesState> {
  const user = await requireUser();
  const pending = await readEnrolmentCookie();
  if (pending?.kind !== "email") redirect(PAGE);
  const result = await confirmEmailFactor(user, pending.enrolmentId, text(form, "code"), await getRequestContext());
  return finishSetup(result, "email-on", `Email codes are on. ${FIRST_CODES}`);
}

export async function startTotpAction(): Promise<ActionState> {
  const user = await requireUser();
  const result = await startTotpEnrolment(user, await readStepUpCookie(), await getRequestContext());
  if (!result.ok) return stepUpFailure(result, PAGE);
  await clearStepUpCookie();
  await setEnrolmentCookie({ kind: "totp", enrolmentId: result.value.enrolmentId });
  redirect(`${PAGE}#totp`);
}

export async function confirmTotpAction(_: CodesState, form: FormData): Promise<CodesState> {
  const user = await requireUser();
  const pending = await readEnrolmentCookie();
  if (pending?.kind !== "totp") redirect(PAGE);
  const result = await confirmTotp(user, pending.enrolmentId, text(form, "code"), await getRequestContext());
  return finishSetup(result, "totp-on", `Your authenticator app is set up. ${FIRST_CODES}`);
}

/**
 * The first factor comes with backup codes: they are returned as the form's
 * state (shown once, by the form that asked). Otherwise the page says done.
 */
async function finishSetup(result: Result<{ backupCodes: string[] | null }>, done: string, withCodes: string): Promise<CodesState> {
  if (!result.ok) return errorState(result);
  await clearEnrolmentCookie();
  if (result.value.backupCodes) return { status: "codes", codes: result.value.backupCodes, message: withCodes };
  redirect(`${PAGE}?done=${done}`);
}

export async function cancelEnrolmentAction(): Promise<void> {
  await requireUser();
  await clearEnrolmentCookie();
  redirect(PAGE);
}

export async function disableFactorAction(_: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser();
  const factor = text(form, "factor");
  const result = await disableFactor(user, await readStepUpCookie(), factor, await getRequestContext());
  if (!result.ok) return stepUpFailure(result, PAGE);
  await clearStepUpCookie();
  redirect(`${PAGE}?done=${factor === "totp" ? "totp-off" : "email-off"}`);
}

export async function regenerateBackupCodesAction(): Promise<CodesState> {
  const user = await requireUser();
  const result = await regenerateBackupCodes(user, await readStepUpCookie(), await getRequestContext());
  if (!result.ok) return stepUpFailure(result, PAGE);
  await clearStepUpCookie();
  return { status: "codes", codes: result.value.codes, message: "New backup codes are ready. The old ones no longer work." };
}
