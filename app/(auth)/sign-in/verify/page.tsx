import type { Metadata } from "next";
import { readReturn, withNext } from "@/lib/auth/return-to";
import { CodeStep } from "../../code-step";
import { resendSignInCodeAction, verifySignInCodeAction } from "../actions";

export const metadata: Metadata = { title: "Enter your code" };

export default async function SignInVerifyPage() {
  // Starting over keeps where this sign-in returns to (an invitation's page).
  const startPath = withNext("/sign-in?method=code", await readReturn());
  return (
    <CodeStep kind="sign-in" title="Check your email" startPath={startPath} verifyAction={verifySignInCodeAction} resendAction={resendSignInCodeAction} />
  );
}
