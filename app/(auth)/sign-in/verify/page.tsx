import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { readReturn, withNext } from "@/lib/auth/return-to";
import { CodeStep } from "../../code-step";
import { resendSignInCodeAction, verifySignInCodeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("verifyMetaTitle") };
}

export default async function SignInVerifyPage() {
  // Starting over keeps where this sign-in returns to (an invitation's page).
  const [startPath, t] = await Promise.all([readReturn().then((next) => withNext("/sign-in?method=code", next)), getTranslations("signIn")]);
  return (
    <CodeStep kind="sign-in" title={t("verifyTitle")} startPath={startPath} verifyAction={verifySignInCodeAction} resendAction={resendSignInCodeAction} />
  );
}
