import type { Metadata } from "next";
import { FormAlert } from "@/components/field";
import { ActionButton } from "@/components/account/action-button";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { RegenerateBackupCodes } from "@/components/mfa/regenerate-backup-codes";
import { SetupCodeForm } from "@/components/mfa/setup-code-form";
import { TotpKey } from "@/components/mfa/totp-key";
import { getMfaState, getTotpEnrolment } from "@/lib/account/mfa";
import { BACKUP_CODE_COUNT } from "@/lib/account/backup-codes";
import { hasFreshStepUp, requireUser } from "../guard";
import {
  cancelEnrolmentAction,
  confirmEmailFactorAction,
  confirmTotpAction,
  disableFactorAction,
  regenerateBackupCodesAction,
  resendEmailFactorCodeAction,
  startEmailFactorAction,
  startTotpAction,
} from "./actions";
import { readEnrolmentCookie } from "./enrolment-cookie";

export const metadata: Metadata = { title: "Two-step verification" };

const DONE = {
  "email-on": "Email codes are on.",
  "totp-on": "Your authenticator app is set up.",
  "email-off": "Email codes are off.",
  "totp-off": "The authenticator app was removed.",
} as const;

type Search = { required?: string; done?: string };

/**
 * Two-step verification: which factors are on, setting one up, turning one
 * off, new backup codes. Reachable while an admin-required setup is due
 * (requireUser, not requireAccountUser): this is where it gets done.
 */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const [search, state, fresh, pending] = await Promise.all([searchParams, getMfaState(user.id), hasFreshStepUp(user), readEnrolmentCookie()]);
  // A finished setup can leave its cookie behind for this one render.
  const settingUpTotp = pending?.kind === "totp" && !state.totp ? await getTotpEnrolment(user, pending.enrolmentId) : null;
  const settingUpEmail = pending?.kind === "email" && !state.email;
  const done = search.done && search.done in DONE ? DONE[search.done as keyof typeof DONE] : undefined;
  const mustSetUp = !state.hasAnyFactor && (search.required === "1" || state.required);
  const offer = fresh && !pending;
  return (
    <div className="stack account-page">
      <header>
        <h1>Two-step verification</h1>
        <p className="muted">
          After your password or an emailed sign-in code, we ask for a second step: a code from your authenticator app, a code we
          email you, or a backup code.
        </p>
      </header>
      {mustSetUp ? (
        <p className="alert alert-warn" role="alert">
          Your organisation requires two-step verification. Set up a method to continue.
        </p>
      ) : null}
      {done ? <FormAlert message={done} /> : null}
      {!fresh && !pending ? <StepUpPrompt next="/account/security" task="change your two-step verification" /> : null}

      <section id="totp" className="mfa-method stack" aria-labelledby="totp-title">
        <div className="mfa-method-head">
          <h2 id="totp-title">Authenticator app</h2>
          <OnOff on={state.totp} />
        </div>
        <p className="muted">Codes from an app on your phone. They work offline and can&apos;t be intercepted in your inbox.</p>
        <SetupCodeForm
          action={confirmTotpAction}
          pending={Boolean(settingUpTotp)}
          label="Code from the app"
          hint="The 6-digit code your authenticator app shows for this account."
          submitLabel="Turn on"
          account={user.email}
        >
          {settingUpTotp ? <TotpKey qrSvg={settingUpTotp.qrSvg} secret={settingUpTotp.secret} /> : null}
        </SetupCodeForm>
        {settingUpTotp ? <CancelSetup /> : null}
        {offer && !state.totp ? <ActionButton action={startTotpAction} label="Set up authenticator app" pendingLabel="Starting…" /> : null}
        {offer && state.totp ? (
          <ActionButton action={disableFactorAction} hidden={{ factor: "totp" }} label="Remove authenticator app" pendingLabel="Removing…" variant="danger" />
        ) : null}
      </section>

      <section id="email" className="mfa-method stack" aria-labelledby="email-title">
        <div className="mfa-method-head">
          <h2 id="email-title">Email codes</h2>
          <OnOff on={state.email} />
        </div>
        <p className="muted">
          A 6-digit code sent to <strong>{user.email}</strong> each time you sign in.
        </p>
        <SetupCodeForm
          action={confirmEmailFactorAction}
          pending={settingUpEmail}
          label="Verification code"
          hint="The 6-digit code we just emailed you. Check your spam folder if it doesn't arrive."
          submitLabel="Turn on"
          account={user.email}
        >
          <p>
            We sent a code to <strong>{user.email}</strong>.
          </p>
        </SetupCodeForm>
        {settingUpEmail ? (
          <div className="button-row">
            <ActionButton action={resendEmailFactorCodeAction} label="Resend code" pendingLabel="Sending…" variant="secondary" />
            <CancelSetup />
          </div>
        ) : null}
        {offer && !state.email ? <ActionButton action={startEmailFactorAction} label="Turn on email codes" pendingLabel="Sending a code…" /> : null}
        {offer && state.email ? (
          <ActionButton action={disableFactorAction} hidden={{ factor: "email" }} label="Turn off email codes" pendingLabel="Turning off…" variant="danger" />
        ) : null}
      </section>

      <section id="backup-codes" className="mfa-method stack" aria-labelledby="backup-title">
        <div className="mfa-method-head">
          <h2 id="backup-title">Backup codes</h2>
          {state.hasAnyFactor ? <span className="badge">{`${state.backupCodesRemaining} of ${BACKUP_CODE_COUNT} left`}</span> : null}
        </div>
        <p className="muted">
          {state.hasAnyFactor
            ? "Single-use codes for when you can't use your other methods. Running low, or lost them? Make new ones: the old ones stop working."
            : "You get 10 single-use backup codes when you turn on your first method."}
        </p>
        {state.hasAnyFactor ? <RegenerateBackupCodes action={regenerateBackupCodesAction} canRegenerate={offer} account={user.email} /> : null}
      </section>
    </div>
  );
}

function OnOff({ on }: { on: boolean }) {
  return <span className={on ? "badge badge-on" : "badge badge-off"}>{on ? "On" : "Off"}</span>;
}

function CancelSetup() {
  return (
    <form action={cancelEnrolmentAction}>
      <button className="button button-secondary button-inline" type="submit">
        Cancel setup
      </button>
    </form>
  );
}
