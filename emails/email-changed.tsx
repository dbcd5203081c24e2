import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/**
 * Sent to the OLD address after the account's email changed. The new address
 * is shown masked; there is no sign-in button, since this address no longer
 * signs in. Support is named in the copy and linked in the footer.
 */
export default function EmailChanged(props: EmailProps) {
  return <NoticeEmail kind="EmailChanged" {...props} />;
}
