import { CodeEmail } from "./components/code-email";
import type { EmailProps } from "./components/props";

/** The second step of signing in, after the password. */
export default function MfaVerificationCode(props: EmailProps) {
  return <CodeEmail purpose="MfaVerification" {...props} />;
}
