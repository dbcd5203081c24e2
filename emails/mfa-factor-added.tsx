import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/** A two-step verification method (`factor`) was added to the account. */
export default function MfaFactorAdded(props: EmailProps) {
  return (
    <NoticeEmail kind="MfaFactorAdded" actions={(links) => [{ label: links.accountSecurity, path: "/account/security" }]} {...props} />
  );
}
