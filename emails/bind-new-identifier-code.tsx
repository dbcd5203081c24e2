import { CodeEmail } from "./components/code-email";
import type { EmailProps } from "./components/props";

/** Sent to a NEW address to prove it before it replaces the old one. */
export default function BindNewIdentifierCode(props: EmailProps) {
  return <CodeEmail purpose="BindNewIdentifier" {...props} />;
}
