import type { Metadata } from "next";
import { CodeStep } from "../../code-step";
import { resendResetCodeAction, verifyResetCodeAction } from "../actions";

export const metadata: Metadata = { title: "Enter your code" };

export default function ForgotPasswordVerifyPage() {
  return (
    <CodeStep kind="reset" title="Check your email" startPath="/forgot-password" verifyAction={verifyResetCodeAction} resendAction={resendResetCodeAction} />
  );
}
