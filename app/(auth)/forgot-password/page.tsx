import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthForm } from "@/components/auth-form";
import { withNext } from "@/lib/auth/return-to";
import { safeReturnPath } from "@/lib/security/safe-redirect";
import { getSettings } from "@/lib/settings/get-settings";
import { requestResetCodeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forgotPassword"))("metaTitle") };
}

/** `?next=`: where the sign-in that sent the user here was headed; the reset ends signed in, there. */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeReturnPath((await searchParams).next);
  const [{ signInExperience: sie }, t] = await Promise.all([getSettings(), getTranslations("forgotPassword")]);
  return (
    <div className="stack">
      <div>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </div>
      {sie.forgotPassword.emailCode ? (
        <AuthForm
          autoFocus
          action={requestResetCodeAction}
          fields={[{ name: "email", label: t("email"), type: "email", autoComplete: "email" }]}
          submitLabel={t("submit")}
          pendingLabel={t("sending")}
          hidden={next ? { next } : undefined}
        />
      ) : (
        <p role="alert">{t("turnedOff")}</p>
      )}
      <p className="muted"><Link href={withNext("/sign-in", next)}>{t("back")}</Link></p>
    </div>
  );
}
