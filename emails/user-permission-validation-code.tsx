import { CodeEmail } from "./components/code-email";
import type { EmailProps } from "./components/props";

/** Re-confirms a signed-in user before a sensitive change. */
export default function UserPermissionValidationCode(props: EmailProps) {
  return <CodeEmail purpose="UserPermissionValidation" {...props} />;
}
