import type { Metadata } from "next";
import { consoleMetadata } from "@/components/console/console-metadata";
import { requireAdmin } from "@/lib/auth/admin";
import { getSettings } from "@/lib/settings/get-settings";
import { saveSignInExperienceAction } from "./actions";
import { codeSpecs, formValues, invitationSpecs, passwordSpecs, signUpModeSpec, toggleSpecs } from "./fields";
import { SignInExperienceForm } from "./sign-in-experience-form";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("Sign-in experience");

export default async function SignInExperiencePage() {
  await requireAdmin();
  const { signInExperience } = await getSettings();
  return (
    <div className="stack console-page sie-page">
      <header>
        <h1>Sign-in experience</h1>
        <p className="muted">Which ways in are offered, and the limits on passwords, email codes and organization invitations. Changes apply to the next request.</p>
      </header>
      <SignInExperienceForm
        action={saveSignInExperienceAction}
        saved={formValues(signInExperience)}
        toggles={toggleSpecs()}
        signUpMode={signUpModeSpec()}
        passwordFields={passwordSpecs()}
        codeFields={codeSpecs()}
        invitationFields={invitationSpecs()}
      />
    </div>
  );
}
