import { CodeEmail } from "./components/code-email";
import type { EmailProps } from "./components/props";

/** Any other one-off check of the address. */
export default function GenericCode(props: EmailProps) {
  return <CodeEmail purpose="Generic" {...props} />;
}
