import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { FormAlert } from "@/components/field";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { getSettings } from "@/lib/settings/get-settings";
import { hasFreshStepUp, requireAccountUser, requireProfile } from "../guard";
import { changePasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountPassword"))("metaTitle") };
}

export default async function PasswordPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireAccountUser();
  const [{ done }, profile, fresh, { signInExperience: sie }, t] = await Promise.all([
    searchParams, requireProfile(user), hasFreshStepUp(user), getSettings(), getTranslations("accountPassword"),
  ]);
  const message = done === "changed" || done === "set" ? t(done) : undefined;
  const title = profile.hasPassword ? t("changeTitle") : t("setTitle");
  return (
    <div className="stack account-page account-narrow">
      <header>
        <h1>{title}</h1>
        <p className="muted">{profile.hasPassword ? t("changeLead") : t("setLead")}</p>
      </header>
      {message ? <FormAlert message={message} /> : null}
      {fresh ? (
        <AuthForm
          action={changePasswordAction}
          fields={[
            {
              name: "password", label: t("newPassword"), type: "password", autoComplete: "new-password",
              hint: t("hint", { min: sie.password.minLength }),
            },
            { name: "confirm", label: t("confirm"), type: "password", autoComplete: "new-password" },
          ]}
          submitLabel={title}
          pendingLabel={t("saving")}
        />
      ) : (
        <StepUpPrompt next="/account/password" task={profile.hasPassword ? t("changeTask") : t("setTask")} />
      )}
    </div>
  );
}
