import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CodeStep } from "../../code-step";
import { resendSignUpCodeAction, verifySignUpCodeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signUp"))("verifyTitle") };
}

export default async function SignUpVerifyPage() {
  const t = await getTranslations("signUp");
  return (
    <CodeStep kind="sign-up" title={t("verifyTitle")} startPath="/sign-up" verifyAction={verifySignUpCodeAction} resendAction={resendSignUpCodeAction} />
  );
}
