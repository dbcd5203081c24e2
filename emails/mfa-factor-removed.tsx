import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/** A two-step verification method (`factor`) was removed from the account. */
export default function MfaFactorRemoved(props: EmailProps) {
  return (
    <NoticeEmail kind="MfaFactorRemoved" actions={(links) => [{ label: links.accountSecurity, path: "/account/security" }]} {...props} />
  );
}

MfaFactorRemoved.PreviewProps = { factor: "email" } satisfies EmailProps;
