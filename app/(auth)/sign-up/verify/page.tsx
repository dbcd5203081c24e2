import type { Metadata } from "next";
import { CodeStep } from "../../code-step";
import { resendSignUpCodeAction, verifySignUpCodeAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your email" };

export default function SignUpVerifyPage() {
  return (
    <CodeStep kind="sign-up" title="Confirm your email" startPath="/sign-up" verifyAction={verifySignUpCodeAction} resendAction={resendSignUpCodeAction} />
  );
}
