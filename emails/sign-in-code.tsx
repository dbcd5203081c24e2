import { CodeEmail } from "./components/code-email";
import type { EmailProps } from "./components/props";

/** Signing in with an emailed code instead of (or without) a password. */
export default function SignInCode(props: EmailProps) {
  return <CodeEmail purpose="SignIn" {...props} />;
}
