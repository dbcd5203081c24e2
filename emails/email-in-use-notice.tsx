import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/**
 * An email change was asked for with an address that already has an
 * account. Sent instead of the code, so the change screen answers the same
 * for a taken address as for a free one; it carries no code.
 */
export default function EmailInUseNotice(props: EmailProps) {
  return <NoticeEmail kind="EmailInUseNotice" actions={(links) => [{ label: links.signIn, path: "/sign-in" }]} {...props} />;
}
