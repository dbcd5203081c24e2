import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { readFlowCookie } from "@/lib/auth/flow";
import { getCodePageState } from "@/lib/auth/resend-code";
import { getSettings } from "@/lib/settings/get-settings";
import { setNewPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage() {
  const state = await getCodePageState("reset", await readFlowCookie());
  if (!state?.verifiedAt) redirect("/forgot-password");
  const { signInExperience: sie } = await getSettings();
  return (
    <div className="stack">
      <div>
        <h1>Choose a new password</h1>
        <p className="muted">For <strong>{state.email}</strong>. You&apos;ll be signed out everywhere else.</p>
      </div>
      <AuthForm
        action={setNewPasswordAction}
        fields={[{
          name: "password", label: "New password", type: "password", autoComplete: "new-password",
          hint: `At least ${sie.password.minLength} characters.`,
        }]}
        submitLabel="Set new password"
        pendingLabel="Saving…"
      />
    </div>
  );
}
