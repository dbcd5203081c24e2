import type { Metadata } from "next";
import Link from "next/link";
import { AuthForm } from "@/components/auth-form";
import { getSettings } from "@/lib/settings/get-settings";
import { requestResetCodeAction } from "./actions";

export const metadata: Metadata = { title: "Reset password" };

export default async function ForgotPasswordPage() {
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
        />
      ) : (
        <p role="alert">Password reset by email is turned off. Contact support.</p>
      )}
      <p className="muted"><Link href="/sign-in">Back to sign in</Link></p>
    </div>
  );
}
