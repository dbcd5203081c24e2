import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { consoleMetadata } from "@/components/console/console-metadata";
import { requireAdmin } from "@/lib/auth/admin";
import { getSettings } from "@/lib/settings/get-settings";
import { saveSignInExperienceAction } from "./actions";
import { codeSpecs, formValues, invitationSpecs, passwordSpecs, signUpModeSpec, toggleSpecs, type ChoiceSpec, type NumberSpec, type ToggleSpec } from "./fields";
import { SignInExperienceForm } from "./sign-in-experience-form";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("signInExperience");

export default async function SignInExperiencePage() {
  await requireAdmin();
  const [{ signInExperience }, t] = await Promise.all([getSettings(), getTranslations("consoleSie")]);
  // The specs' words (fields.ts) in the reader's language, by name: `consoleSie.fields.<name>`.
  const toggle = (spec: ToggleSpec): ToggleSpec => ({ ...spec, label: t(`fields.${spec.name}.label` as never), help: t(`fields.${spec.name}.help` as never) });
  const number = (spec: NumberSpec): NumberSpec => ({ ...spec, label: t(`fields.${spec.name}` as never), unit: t(`units.${spec.unit}` as never) });
  const mode = signUpModeSpec();
  const choice: ChoiceSpec = {
    ...mode,
    legend: t("signUpMode.legend"),
    options: mode.options.map((option) => ({ ...option, label: t(`signUpMode.${option.value}.label` as never), help: t(`signUpMode.${option.value}.help` as never) })),
  };
  return (
    <div className="stack console-page sie-page">
      <header>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </header>
      <SignInExperienceForm
        action={saveSignInExperienceAction}
        saved={formValues(signInExperience)}
        toggles={toggleSpecs().map(toggle)}
        signUpMode={choice}
        passwordFields={passwordSpecs().map(number)}
        codeFields={codeSpecs().map(number)}
        invitationFields={invitationSpecs().map(number)}
      />
    </div>
  );
}
