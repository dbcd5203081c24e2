import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/** A social sign-in (`provider`, the account it named) was connected to the account: when, from which browser and IP. */
export default function IdentityLinked(props: EmailProps) {
  return (
    <NoticeEmail kind="IdentityLinked" actions={(links) => [{ label: links.accountConnections, path: "/account/connections" }]} {...props} />
  );
}
