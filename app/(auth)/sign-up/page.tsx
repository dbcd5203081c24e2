import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { SocialButtons } from "@/components/social-buttons";
import { getCurrentUser } from "@/lib/auth/current-user";
import { SIGN_UP_BY_INVITATION } from "@/lib/auth/sign-up";
import { getSettings } from "@/lib/settings/get-settings";
import { enabledSocialButtons } from "@/lib/social/store";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/");
  const [{ signInExperience: sie }, buttons] = await Promise.all([getSettings(), enabledSocialButtons()]);
  if (!sie.signUp.emailPassword) {
    return (
      <div className="stack">
        <h1>Create account</h1>
        <p role="alert">Sign-up is turned off. <Link href="/sign-in">Sign in</Link> instead.</p>
      </div>
    );
  }
  // Invitation-only: no form at all (startSignUp would refuse it anyway); the invitation's page creates accounts.
  if (sie.signUp.mode === "invitation") {
    return (
      <div className="stack">
        <h1>Create account</h1>
        <p role="status">{SIGN_UP_BY_INVITATION}</p>
        <p className="muted">
          Already have an account? <Link href="/sign-in">Sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      <div>
        <h1>Create account</h1>
        <p className="muted">We&apos;ll email you a code to confirm your address.</p>
      </div>
      <SocialButtons buttons={buttons} />
      <AuthForm
        action={signUpAction}
        fields={[
          { name: "name", label: "Name (optional)", autoComplete: "name", required: false },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          {
            name: "password", label: "Password", type: "password", autoComplete: "new-password",
            hint: `At least ${sie.password.minLength} characters. A long phrase is easiest to remember.`,
          },
        ]}
        submitLabel="Create account"
        pendingLabel="Creating…"
      />
      <p className="muted">
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
