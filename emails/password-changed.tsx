import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/** The password was changed and other sessions were signed out. */
export default function PasswordChanged(props: EmailProps) {
  return (
    <NoticeEmail kind="PasswordChanged" actions={(links) => [{ label: links.resetPassword, path: "/forgot-password" }]} {...props} />
  );
}
