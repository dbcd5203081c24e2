import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/** Too many wrong second-factor codes: two-step sign-in is paused; the password is known. */
export default function MfaLockoutNotice(props: EmailProps) {
  return (
    <NoticeEmail kind="MfaLockoutNotice" actions={(links) => [{ label: links.resetPassword, path: "/forgot-password" }]} {...props} />
  );
}
