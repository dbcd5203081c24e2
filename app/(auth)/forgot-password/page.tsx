import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/components/auth-form";
import { withNext } from "@/lib/auth/return-to";
import { safeReturnPath } from "@/lib/security/safe-redirect";
import { getSettings } from "@/lib/settings/get-settings";
import { requestResetCodeAction } from "./actions";

export const metadata: Metadata = { title: "Reset password" };

/** `?next=`: where the sign-in that sent the user here was headed; the reset ends signed in, there. */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeReturnPath((await searchParams).next);
  const { signInExperience: sie } = await getSettings();
  return (
    <div className="stack">
      <div>
        <h1>Reset your password</h1>
        <p className="muted">Enter your email and we&apos;ll send you a code.</p>
      </div>
      {sie.forgotPassword.emailCode ? (
        <AuthForm
          action={requestResetCodeAction}
          fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]}
          submitLabel="Send reset code"
          pendingLabel="Sending…"
          hidden={next ? { next } : undefined}
        />
      ) : (
        <p role="alert">Password reset by email is turned off. Contact support.</p>
      )}
      <p className="muted"><Link href={withNext("/sign-in", next)}>Back to sign in</Link></p>
    </div>
  );
}
