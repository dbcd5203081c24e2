import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { SocialButtons } from "@/components/social-buttons";
import { getCurrentUser } from "@/lib/auth/current-user";
import { withNext } from "@/lib/auth/return-to";
import { safeReturnPath } from "@/lib/security/safe-redirect";
import { getSettings } from "@/lib/settings/get-settings";
import { enabledSocialButtons } from "@/lib/social/store";
import type { SignInExperience } from "@/lib/settings/schema";
import { passwordSignInAction, requestSignInCodeAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

/**
 * `?next=/path`: where to land once signed in (an invitation's page sends
 * people here); checked, carried through the form, and kept on the links to
 * the other ways of signing in.
 */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ method?: string; next?: string }> }) {
  const { method, next: rawNext } = await searchParams;
  const next = safeReturnPath(rawNext);
  if (await getCurrentUser()) redirect(next ?? "/");
  const [{ signInExperience: sie }, buttons] = await Promise.all([getSettings(), enabledSocialButtons()]);
  const useCode = sie.signIn.emailCode && (method === "code" || !sie.signIn.password);
  const hidden = next ? { next } : undefined;
  return (
    <div className="stack">
      <div>
        <h1>Sign in</h1>
        <p className="muted">{useCode ? "We'll email you a 6-digit code." : "Welcome back."}</p>
        {next?.startsWith("/invite/") ? <p className="muted">Sign in with the invited address, then you&apos;ll come back to the invitation.</p> : null}
      </div>
      <SocialButtons buttons={buttons} next={next} />
      {useCode ? (
        <AuthForm
          action={requestSignInCodeAction}
          fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]}
          submitLabel="Email me a code"
          pendingLabel="Sending…"
          hidden={hidden}
        />
      ) : sie.signIn.password ? (
        <AuthForm
          action={passwordSignInAction}
          fields={[
            { name: "email", label: "Email", type: "email", autoComplete: "username" },
            { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
          ]}
          submitLabel="Sign in"
          pendingLabel="Signing in…"
          hidden={hidden}
        />
      ) : (
        <p role="alert">Sign-in is turned off. Contact the site&apos;s administrator.</p>
      )}
      <div className="links">
        {useCode && sie.signIn.password ? <Link href={withNext("/sign-in", next)}>Use my password instead</Link> : null}
        {!useCode && sie.signIn.emailCode ? <Link href={withNext("/sign-in?method=code", next)}>Email me a code instead</Link> : null}
        {sie.forgotPassword.emailCode ? <Link href={withNext("/forgot-password", next)}>Forgot password?</Link> : null}
      </div>
      <SignUpLink signUp={sie.signUp} />
    </div>
  );
}

/** The way to a new account: the sign-up page, or in invitation-only mode what to do instead (SIGN_UP_BY_INVITATION). */
function SignUpLink({ signUp }: { signUp: SignInExperience["signUp"] }) {
  if (!signUp.emailPassword) return null;
  if (signUp.mode === "invitation") return <p className="muted">New here? Accounts are by invitation: open the link in your invitation email.</p>;
  return (
    <p className="muted">
      New here? <Link href="/sign-up">Create an account</Link>
    </p>
  );
}
