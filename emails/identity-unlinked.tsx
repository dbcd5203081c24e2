import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/** A social sign-in (`provider`, the account it named) was disconnected from the account: when, from which browser and IP. */
export default function IdentityUnlinked(props: EmailProps) {
  return (
    <NoticeEmail kind="IdentityUnlinked" actions={(links) => [{ label: links.accountConnections, path: "/account/connections" }]} {...props} />
  );
}
