import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountSecurity"))("title") };
}

/** `?done=` → its message's key (accountSecurity). */
const DONE = { "email-on": "doneEmailOn", "totp-on": "doneTotpOn", "email-off": "doneEmailOff", "totp-off": "doneTotpOff" } as const;

type Translate = Awaited<ReturnType<typeof getTranslations<"accountSecurity">>>;

type Search = { required?: string; done?: string };

/**
 * Two-step verification: which factors are on, setting one up, turning one
 * off, new backup codes. Reachable while an admin-required setup is due
 * (requireUser, not requireAccountUser): this is where it gets done.
 */
export default async function SecurityPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const [search, state, fresh, pending, t] = await Promise.all([
    searchParams, getMfaState(user.id), hasFreshStepUp(user), readEnrolmentCookie(), getTranslations("accountSecurity"),
  ]);
  // A finished setup can leave its cookie behind for this one render.
  const settingUpTotp = pending?.kind === "totp" && !state.totp ? await getTotpEnrolment(user, pending.enrolmentId) : null;
  const settingUpEmail = pending?.kind === "email" && !state.email;
  const done = search.done && Object.hasOwn(DONE, search.done) ? t(DONE[search.done as keyof typeof DONE]) : undefined;
  const mustSetUp = !state.hasAnyFactor && (search.required === "1" || state.required);
  const offer = fresh && !pending;
  return (
    <div className="stack account-page">
      <header>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </header>
      {mustSetUp ? (
        <p className="alert alert-warn" role="alert">
          {t("required")}
        </p>
      ) : null}
      {done ? <FormAlert message={done} /> : null}
      {!fresh && !pending ? <StepUpPrompt next="/account/security" task={t("task")} /> : null}

      <section id="totp" className="mfa-method stack" aria-labelledby="totp-title">
        <div className="mfa-method-head">
          <h2 id="totp-title">{t("totpTitle")}</h2>
          <OnOff on={state.totp} t={t} />
        </div>
        <p className="muted">{t("totpLead")}</p>
        <SetupCodeForm
          action={confirmTotpAction}
          pending={Boolean(settingUpTotp)}
          label={t("totpLabel")}
          hint={t("totpHint")}
          submitLabel={t("turnOn")}
          account={user.email}
        >
          {settingUpTotp ? (
            <TotpKey
              qrSvg={settingUpTotp.qrSvg}
              secret={settingUpTotp.secret}
              labels={{ steps: [t("totpStep1"), t("totpStep2"), t("totpStep3")], qr: t("qrLabel"), setupKey: t("setupKey") }}
            />
          ) : null}
        </SetupCodeForm>
        {settingUpTotp ? <CancelSetup t={t} /> : null}
        {offer && !state.totp ? <ActionButton action={startTotpAction} label={t("setUpTotp")} pendingLabel={t("starting")} /> : null}
        {offer && state.totp ? (
          <ActionButton action={disableFactorAction} hidden={{ factor: "totp" }} label={t("removeTotp")} pendingLabel={t("removing")} variant="danger" />
        ) : null}
      </section>

      <section id="email" className="mfa-method stack" aria-labelledby="email-title">
        <div className="mfa-method-head">
          <h2 id="email-title">{t("emailTitle")}</h2>
          <OnOff on={state.email} t={t} />
        </div>
        <p className="muted">{t.rich("emailLead", { email: user.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <SetupCodeForm
          action={confirmEmailFactorAction}
          pending={settingUpEmail}
          label={t("emailLabel")}
          hint={t("emailHint")}
          submitLabel={t("turnOn")}
          account={user.email}
        >
          <p>{t.rich("emailSent", { email: user.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        </SetupCodeForm>
        {settingUpEmail ? (
          <div className="button-row">
            <ActionButton action={resendEmailFactorCodeAction} label={t("resend")} pendingLabel={t("sending")} variant="secondary" />
            <CancelSetup t={t} />
          </div>
        ) : null}
        {offer && !state.email ? <ActionButton action={startEmailFactorAction} label={t("turnOnEmail")} pendingLabel={t("sendingCode")} /> : null}
        {offer && state.email ? (
          <ActionButton action={disableFactorAction} hidden={{ factor: "email" }} label={t("turnOffEmail")} pendingLabel={t("turningOff")} variant="danger" />
        ) : null}
      </section>

      <section id="backup-codes" className="mfa-method stack" aria-labelledby="backup-title">
        <div className="mfa-method-head">
          <h2 id="backup-title">{t("backupTitle")}</h2>
          {state.hasAnyFactor ? <span className="badge">{t("backupLeft", { left: state.backupCodesRemaining, total: BACKUP_CODE_COUNT })}</span> : null}
        </div>
        <p className="muted">
          {state.hasAnyFactor ? t("backupLead") : t("backupLeadNone", { total: BACKUP_CODE_COUNT })}
        </p>
        {state.hasAnyFactor ? <RegenerateBackupCodes action={regenerateBackupCodesAction} canRegenerate={offer} account={user.email} /> : null}
      </section>
    </div>
  );
}

function OnOff({ on, t }: { on: boolean; t: Translate }) {
  return <span className={on ? "badge badge-on" : "badge badge-off"}>{on ? t("on") : t("off")}</span>;
}

function CancelSetup({ t }: { t: Translate }) {
  return (
    <form action={cancelEnrolmentAction}>
      <button className="button button-secondary button-inline" type="submit">
        {t("cancelSetup")}
      </button>
    </form>
  );
}
