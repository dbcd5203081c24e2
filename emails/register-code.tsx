import { CodeEmail } from "./components/code-email";
import type { EmailProps } from "./components/props";

/** Proves the address during sign-up, before the account exists. */
export default function RegisterCode(props: EmailProps) {
  return <CodeEmail purpose="Register" {...props} />;
}
