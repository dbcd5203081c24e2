import { CodeEmail } from "./components/code-email";
import type { EmailProps } from "./components/props";

/** Proves the address before a new password is set. */
export default function ForgotPasswordCode(props: EmailProps) {
  return <CodeEmail purpose="ForgotPassword" {...props} />;
}
