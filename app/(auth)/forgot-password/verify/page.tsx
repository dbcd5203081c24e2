import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CodeStep } from "../../code-step";
import { resendResetCodeAction, verifyResetCodeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forgotPassword"))("verifyMetaTitle") };
}

export default async function ForgotPasswordVerifyPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <CodeStep kind="reset" title={t("verifyTitle")} startPath="/forgot-password" verifyAction={verifyResetCodeAction} resendAction={resendResetCodeAction} />
  );
}
