import type { Metadata } from "next";
import { CodeStep } from "../../code-step";
import { resendSignInCodeAction, verifySignInCodeAction } from "../actions";

export const metadata: Metadata = { title: "Enter your code" };

export default function SignInVerifyPage() {
  return (
    <CodeStep kind="sign-in" title="Check your email" startPath="/sign-in?method=code" verifyAction={verifySignInCodeAction} resendAction={resendSignInCodeAction} />
  );
}
