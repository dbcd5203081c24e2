import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { readFlowCookie } from "@/lib/auth/flow";
import { getCodePageState } from "@/lib/auth/resend-code";
import { getSettings } from "@/lib/settings/get-settings";
import { setNewPasswordAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resetPassword"))("title") };
}

export default async function ResetPasswordPage() {
  const state = await getCodePageState("reset", await readFlowCookie());
  if (!state?.verifiedAt) redirect("/forgot-password");
  const [{ signInExperience: sie }, t] = await Promise.all([getSettings(), getTranslations("resetPassword")]);
  return (
    <div className="stack">
      <div>
        <h1>{t("title")}</h1>
        <p className="muted">{t.rich("lead", { email: state.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </div>
      <AuthForm
        autoFocus
        action={setNewPasswordAction}
        fields={[{
          name: "password", label: t("password"), type: "password", autoComplete: "new-password",
          hint: t("hint", { min: sie.password.minLength }),
        }]}
        submitLabel={t("submit")}
        pendingLabel={t("saving")}
      />
    </div>
  );
}
