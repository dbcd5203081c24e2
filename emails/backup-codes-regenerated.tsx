import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/** New backup codes were generated; the old ones stopped working. */
export default function BackupCodesRegenerated(props: EmailProps) {
  return (
    <NoticeEmail kind="BackupCodesRegenerated" actions={(links) => [{ label: links.accountSecurity, path: "/account/security" }]} {...props} />
  );
}
