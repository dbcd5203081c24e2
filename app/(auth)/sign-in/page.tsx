import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getSettings } from "@/lib/settings/get-settings";
import { passwordSignInAction, requestSignInCodeAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ method?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const { signInExperience: sie } = await getSettings();
  const { method } = await searchParams;
  const useCode = sie.signIn.emailCode && (method === "code" || !sie.signIn.password);
  return (
    <div className="stack">
      <div>
        <h1>Sign in</h1>
        <p className="muted">{useCode ? "We'll email you a 6-digit code." : "Welcome back."}</p>
      </div>
      {useCode ? (
        <AuthForm
          action={requestSignInCodeAction}
          fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]}
          submitLabel="Email me a code"
          pendingLabel="Sending…"
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
        />
      ) : (
        <p role="alert">Sign-in is turned off. Contact the site&apos;s administrator.</p>
      )}
      <div className="links">
        {useCode && sie.signIn.password ? <Link href="/sign-in">Use my password instead</Link> : null}
        {!useCode && sie.signIn.emailCode ? <Link href="/sign-in?method=code">Email me a code instead</Link> : null}
        {sie.forgotPassword.emailCode ? <Link href="/forgot-password">Forgot password?</Link> : null}
      </div>
      {sie.signUp.emailPassword ? (
        <p className="muted">
          New here? <Link href="/sign-up">Create an account</Link>
        </p>
      ) : null}
    </div>
  );
}
