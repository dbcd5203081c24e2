import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { SocialButtons } from "@/components/social-buttons";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getSettings } from "@/lib/settings/get-settings";
import { enabledSocialButtons } from "@/lib/social/store";
import { signUpAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signUp"))("title") };
}

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/");
  const [{ signInExperience: sie }, buttons, t, social, lib] = await Promise.all([
    getSettings(), enabledSocialButtons(), getTranslations("signUp"), getTranslations("social"), getTranslations("lib"),
  ]);
  if (!sie.signUp.emailPassword) {
    return (
      <div className="stack">
        <h1>{t("title")}</h1>
        <p role="alert">{t("turnedOff")} <Link href="/sign-in">{t("signInInstead")}</Link>{t("insteadSuffix")}</p>
      </div>
    );
  }
  // Invitation-only: no form at all (startSignUp would refuse it anyway); the invitation's page creates accounts.
  if (sie.signUp.mode === "invitation") {
    return (
      <div className="stack">
        <h1>{t("title")}</h1>
        <p role="status">{lib("signUpByInvitation")}</p>
        <p className="muted">
          {t("haveAccount")} <Link href="/sign-in">{t("signInInstead")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      <div>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </div>
      <SocialButtons buttons={buttons} labels={{ continueWith: social.raw("continueWith") as string, or: social("or") }} />
      <AuthForm
        autoFocus
        action={signUpAction}
        fields={[
          { name: "name", label: t("name"), autoComplete: "name", required: false },
          { name: "email", label: t("email"), type: "email", autoComplete: "email" },
          {
            name: "password", label: t("password"), type: "password", autoComplete: "new-password",
            hint: t("passwordHint", { min: sie.password.minLength }),
          },
        ]}
        submitLabel={t("submit")}
        pendingLabel={t("creating")}
      />
      <p className="muted">
        {t("haveAccount")} <Link href="/sign-in">{t("signInInstead")}</Link>
      </p>
    </div>
  );
}
