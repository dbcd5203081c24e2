import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionButton } from "@/components/account/action-button";
import { CodeForm } from "@/components/code-form";
import { ChallengeForm } from "@/components/mfa/challenge-form";
import { getChallengeState, readChallengeCookie, type ChallengeMethod } from "@/lib/auth/mfa-challenge";
import { readReturn, withNext } from "@/lib/auth/return-to";
import { getSettings } from "@/lib/settings/get-settings";
import { resendMfaEmailCodeAction, sendMfaEmailCodeAction, verifyMfaAction } from "./actions";

export const metadata: Metadata = { title: "Two-step verification" };

const METHOD_LABELS: Record<ChallengeMethod, string> = {
  totp: "Authenticator app",
  email: "Email code",
  backup_code: "Backup code",
  password: "Password",
};

const minutes = (seconds: number) => {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return `${n} ${n === 1 ? "minute" : "minutes"}`;
};

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
  return (
    <div className="stack">
      <div>
        <h1>Two-step verification</h1>
        <p className="muted">One more step to sign in to {state.email}.</p>
      </div>
      {state.lockedForSeconds ? (
        <p className="alert alert-error" role="alert">
          Too many wrong codes were entered for this account. Two-step verification is locked for {minutes(state.lockedForSeconds)}. Try
          again later.
        </p>
      ) : method ? (
        <>
          {state.methods.length > 1 ? <MethodTabs methods={state.methods} current={method} /> : null}
          <MethodStep method={method} email={state.email} sentAt={Number(search.sent)} />
        </>
      ) : (
        <p className="alert alert-error" role="alert">
          There&apos;s no second step this sign-in can use. Sign in with your password instead.
        </p>
      )}
      <div className="links">
        <Link href={withNext("/sign-in", await readReturn())}>Start over</Link>
      </div>
    </div>
  );
}

function MethodTabs({ methods, current }: { methods: ChallengeMethod[]; current: ChallengeMethod }) {
  return (
    <nav aria-label="Ways to verify" className="mfa-tabs">
      <ul>
        {methods.map((m) => (
          <li key={m}>
            <Link href={`/sign-in/mfa?method=${m}`} aria-current={m === current ? "page" : undefined} replace>
              {METHOD_LABELS[m]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

async function MethodStep({ method, email, sentAt }: { method: ChallengeMethod; email: string; sentAt: number }) {
  switch (method) {
    case "totp":
      return (
        <ChallengeForm
          action={verifyMfaAction.bind(null, "totp")}
          label="Code from your authenticator app"
          hint="Open the app and enter the 6-digit code it shows for this account."
          input={{ inputMode: "numeric", autoComplete: "one-time-code", maxLength: 16 }}
          code
        />
      );
    case "backup_code":
      return (
        <ChallengeForm
          action={verifyMfaAction.bind(null, "backup_code")}
          label="Backup code"
          hint="One of the codes you saved when you set up two-step verification, like k7q2-m9xp. Each works once."
          input={{ autoComplete: "off", spellCheck: false, autoCapitalize: "none", maxLength: 32 }}
        />
      );
    case "password":
      return (
        <ChallengeForm
          action={verifyMfaAction.bind(null, "password")}
          label="Password"
          hint="You signed in with an email code, so your password is the second step."
          input={{ type: "password", autoComplete: "current-password" }}
        />
      );
    case "email":
      return <EmailStep email={email} sentAt={sentAt} />;
  }
}

async function EmailStep({ email, sentAt }: { email: string; sentAt: number }) {
  const { signInExperience: sie } = await getSettings();
  const sinceSent = secondsSince(sentAt);
  // "sent" is only a hint for the countdown; the server's cooldown decides.
  if (!Number.isFinite(sinceSent) || sinceSent < 0 || sinceSent > sie.otp.ttlSeconds) {
    return (
      <div className="stack">
        <p>
          We&apos;ll send a 6-digit code to <strong>{email}</strong>.
        </p>
        <ActionButton action={sendMfaEmailCodeAction} label={`Send a code to ${email}`} pendingLabel="Sending…" />
      </div>
    );
  }
  return (
    <div className="stack">
      <p>
        We sent a code to <strong>{email}</strong>. It expires in {Math.round(sie.otp.ttlSeconds / 60)} minutes.
      </p>
      <CodeForm
        verifyAction={verifyMfaAction.bind(null, "email")}
        resendAction={resendMfaEmailCodeAction}
        resendInSeconds={Math.max(0, Math.ceil(sie.otp.resendCooldownSeconds - sinceSent))}
        cooldownSeconds={sie.otp.resendCooldownSeconds}
      />
    </div>
  );
}
