import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/account/action-button";
import { CodeForm } from "@/components/code-form";
import { ChallengeForm } from "@/components/mfa/challenge-form";
import { getChallengeState, readChallengeCookie, type ChallengeMethod } from "@/lib/auth/mfa-challenge";
import { readReturn, withNext } from "@/lib/auth/return-to";
import { getSettings } from "@/lib/settings/get-settings";
import { codeFormLabels } from "../../code-form-labels";
import { resendMfaEmailCodeAction, sendMfaEmailCodeAction, verifyMfaAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mfa"))("title") };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"mfa">>>;

/** Each method's name (the tabs), by its catalogue key. */
const METHOD_KEYS = { totp: "methodTotp", email: "methodEmail", backup_code: "methodBackupCode", password: "methodPassword" } as const satisfies Record<ChallengeMethod, string>;

function lockedText(t: Translate, seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? t("lockedOne") : t("lockedMany", { minutes });
}

/** A server render happens once per request, so reading the clock here is fine. */
const secondsSince = (ms: number) => (Date.now() - ms) / 1000;

type Search = { method?: string; sent?: string };

/**
 * The second step of signing in, for accounts with two-step verification.
 * Each method is its own URL (?method=…), so switching works without
 * JavaScript. Without a live challenge there is nothing to answer: back to
 * the first step.
 */
export default async function SignInMfaPage({ searchParams }: { searchParams: Promise<Search> }) {
  const state = await getChallengeState(await readChallengeCookie());
  if (!state) redirect("/sign-in");
  const search = await searchParams;
  const method = state.methods.find((m) => m === search.method) ?? state.methods[0];
  const [t, codeStep] = await Promise.all([getTranslations("mfa"), getTranslations("codeStep")]);
  const verify = { submitLabel: codeStep("verify"), pendingLabel: codeStep("checking") };
  return (
    <div className="stack">
      <div>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead", { email: state.email })}</p>
      </div>
      {state.lockedForSeconds ? (
        <p className="alert alert-error" role="alert">
          {lockedText(t, state.lockedForSeconds)}
        </p>
      ) : method ? (
        <>
          {state.methods.length > 1 ? <MethodTabs methods={state.methods} current={method} t={t} /> : null}
          <MethodStep method={method} email={state.email} sentAt={Number(search.sent)} t={t} verify={verify} />
        </>
      ) : (
        <p className="alert alert-error" role="alert">
          {t("noMethod")}
        </p>
      )}
      <div className="links">
        <Link href={withNext("/sign-in", await readReturn())}>{t("startOver")}</Link>
      </div>
    </div>
  );
}

function MethodTabs({ methods, current, t }: { methods: ChallengeMethod[]; current: ChallengeMethod; t: Translate }) {
  return (
    <nav aria-label={t("waysToVerify")} className="mfa-tabs">
      <ul>
        {methods.map((m) => (
          <li key={m}>
            <Link href={`/sign-in/mfa?method=${m}`} aria-current={m === current ? "page" : undefined} replace>
              {t(METHOD_KEYS[m])}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type VerifyLabels = { submitLabel: string; pendingLabel: string };

async function MethodStep({ method, email, sentAt, t, verify }: { method: ChallengeMethod; email: string; sentAt: number; t: Translate; verify: VerifyLabels }) {
  switch (method) {
    case "totp":
      return (
        <ChallengeForm
          action={verifyMfaAction.bind(null, "totp")}
          label={t("totpLabel")}
          hint={t("totpHint")}
          {...verify}
          input={{ inputMode: "numeric", autoComplete: "one-time-code", maxLength: 16 }}
          code
        />
      );
    case "backup_code":
      return (
        <ChallengeForm
          action={verifyMfaAction.bind(null, "backup_code")}
          label={t("backupLabel")}
          hint={t("backupHint")}
          {...verify}
          input={{ autoComplete: "off", spellCheck: false, autoCapitalize: "none", maxLength: 32 }}
        />
      );
    case "password":
      return (
        <ChallengeForm
          action={verifyMfaAction.bind(null, "password")}
          label={t("passwordLabel")}
          hint={t("passwordHint")}
          {...verify}
          input={{ type: "password", autoComplete: "current-password" }}
        />
      );
    case "email":
      return <EmailStep email={email} sentAt={sentAt} t={t} />;
  }
}

async function EmailStep({ email, sentAt, t }: { email: string; sentAt: number; t: Translate }) {
  const { signInExperience: sie } = await getSettings();
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  const sinceSent = secondsSince(sentAt);
  // "sent" is only a hint for the countdown; the server's cooldown decides.
  if (!Number.isFinite(sinceSent) || sinceSent < 0 || sinceSent > sie.otp.ttlSeconds) {
    return (
      <div className="stack">
        <p>{t.rich("emailWillSend", { email, strong })}</p>
        <ActionButton action={sendMfaEmailCodeAction} label={t("sendCodeTo", { email })} pendingLabel={t("sending")} />
      </div>
    );
  }
  return (
    <div className="stack">
      <p>{t.rich("emailSent", { email, minutes: Math.round(sie.otp.ttlSeconds / 60), strong })}</p>
      <CodeForm
        verifyAction={verifyMfaAction.bind(null, "email")}
        resendAction={resendMfaEmailCodeAction}
        resendInSeconds={Math.max(0, Math.ceil(sie.otp.resendCooldownSeconds - sinceSent))}
        cooldownSeconds={sie.otp.resendCooldownSeconds}
        labels={await codeFormLabels()}
      />
    </div>
  );
}
