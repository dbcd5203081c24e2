import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/components/auth-form";
import { CodeForm } from "@/components/code-form";
import { ActionButton } from "@/components/account/action-button";
import { safeNext } from "@/components/account/safe-next";
import { readStepUpCookie } from "@/lib/account/step-up-cookie";
import { resendAvailableIn } from "@/lib/otp/issue-code";
import { getSettings } from "@/lib/settings/get-settings";
import { requireProfile, requireUser } from "../guard";
import { confirmVerifyCodeAction, resendVerifyCodeAction, sendVerifyCodeAction, verifyPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Confirm it's you" };

type Search = { next?: string; method?: string };

/**
 * Step-up before a sensitive change: the password, or a code to the current
 * address. Reachable while an admin-required MFA setup is due, since setting
 * it up needs this page too.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const search = await searchParams;
  const next = safeNext(search.next);
  const [profile, pending] = await Promise.all([requireProfile(user), readStepUpCookie()]);
  const nextQuery = `next=${encodeURIComponent(next)}`;
  const codeStep = search.method === "code" && Boolean(pending);
  return (
    <div className="stack account-page account-narrow">
      <header>
        <h1>Confirm it&apos;s you</h1>
        <p className="muted">Before this change, make sure it&apos;s really you. This lasts 10 minutes, for one change.</p>
      </header>
      {codeStep ? (
        <CodeStep email={user.email} next={next} />
      ) : (
        <>
          {profile.hasPassword ? (
            <AuthForm
              autoFocus
              action={verifyPasswordAction.bind(null, next)}
              fields={[{ name: "password", label: "Password", type: "password", autoComplete: "current-password" }]}
              submitLabel="Continue"
              pendingLabel="Checking…"
            />
          ) : null}
          <div className="stack">
            {profile.hasPassword ? <p className="muted account-or">or</p> : null}
            <p className="muted" style={{ margin: 0 }}>
              We&apos;ll send a 6-digit code to <strong>{user.email}</strong>.
            </p>
            <ActionButton
              action={sendVerifyCodeAction.bind(null, next)}
              label="Email me a code"
              pendingLabel="Sending…"
              variant={profile.hasPassword ? "secondary" : "primary"}
            />
          </div>
        </>
      )}
      <div className="links">
        {codeStep && profile.hasPassword ? <Link href={`/account/verify?${nextQuery}`}>Use my password instead</Link> : null}
        <Link href={next}>Cancel</Link>
      </div>
    </div>
  );
}

async function CodeStep({ email, next }: { email: string; next: string }) {
  const { signInExperience: sie } = await getSettings();
  const resendInSeconds = await resendAvailableIn("UserPermissionValidation", email, sie.otp);
  return (
    <>
      <p>
        We sent a code to <strong>{email}</strong>. It expires in {Math.round(sie.otp.ttlSeconds / 60)} minutes.
      </p>
      <CodeForm
        verifyAction={confirmVerifyCodeAction.bind(null, next)}
        resendAction={resendVerifyCodeAction}
        resendInSeconds={resendInSeconds}
        cooldownSeconds={sie.otp.resendCooldownSeconds}
      />
    </>
  );
}
