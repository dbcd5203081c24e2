import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/** A sign-in or reset code was asked for an address with no account. */
export default function NoAccountNotice(props: EmailProps) {
  return <NoticeEmail kind="NoAccountNotice" actions={(links) => [{ label: links.createAccount, path: "/sign-up" }]} {...props} />;
}
