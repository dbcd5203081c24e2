import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/** The admin console's "Send test email": proves a provider delivers, names which one. */
export default function ConnectorTest(props: EmailProps) {
  return <NoticeEmail kind="ConnectorTest" {...props} />;
}
