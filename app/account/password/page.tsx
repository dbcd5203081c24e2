import type { Metadata } from "next";
import { AuthForm } from "@/components/auth-form";
import { FormAlert } from "@/components/field";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { getSettings } from "@/lib/settings/get-settings";
import { hasFreshStepUp, requireAccountUser, requireProfile } from "../guard";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Password" };

const DONE = {
  changed: "Your password was changed. All your other sessions were signed out.",
  set: "Your password was set. All your other sessions were signed out.",
} as const;

export default async function PasswordPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireAccountUser();
  const [{ done }, profile, fresh, { signInExperience: sie }] = await Promise.all([
    searchParams, requireProfile(user), hasFreshStepUp(user), getSettings(),
  ]);
  const message = done === "changed" || done === "set" ? DONE[done] : undefined;
  const title = profile.hasPassword ? "Change password" : "Set a password";
  return (
    <div className="stack account-page account-narrow">
      <header>
        <h1>{title}</h1>
        <p className="muted">
          {profile.hasPassword
            ? "Choose a new password. You stay signed in here; every other session is signed out."
            : "Your account has no password: you sign in with emailed codes. Set one to sign in with it too."}
        </p>
      </header>
      {message ? <FormAlert message={message} /> : null}
      {fresh ? (
        <AuthForm
          action={changePasswordAction}
          fields={[
            {
              name: "password", label: "New password", type: "password", autoComplete: "new-password",
              hint: `At least ${sie.password.minLength} characters. A long phrase is easiest to remember.`,
            },
            { name: "confirm", label: "Confirm new password", type: "password", autoComplete: "new-password" },
          ]}
          submitLabel={title}
          pendingLabel="Saving…"
        />
      ) : (
        <StepUpPrompt next="/account/password" task={profile.hasPassword ? "change your password" : "set a password"} />
      )}
    </div>
  );
}
