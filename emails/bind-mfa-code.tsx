import { CodeEmail } from "./components/code-email";
import type { EmailProps } from "./components/props";

/** Proves the address before email two-step verification is turned on. */
export default function BindMfaCode(props: EmailProps) {
  return <CodeEmail purpose="BindMfa" {...props} />;
}
