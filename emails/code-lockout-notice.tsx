import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/** Too many wrong codes: code sign-in for the account is paused. */
export default function CodeLockoutNotice(props: EmailProps) {
  return <NoticeEmail kind="CodeLockoutNotice" {...props} />;
}
