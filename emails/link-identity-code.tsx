import { CodeEmail } from "./components/code-email";
import type { EmailProps } from "./components/props";

/** Sent to an account's address before a social sign-in (`provider`) is connected to it; unsolicited, it says to ignore it. */
export default function LinkIdentityCode(props: EmailProps) {
  return <CodeEmail purpose="LinkIdentity" {...props} />;
}
