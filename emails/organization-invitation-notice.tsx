import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/**
 * An invitation to join an organization: who invited, to what, with which
 * role, until when, and the one-time accept link (/invite/<token>). Opening
 * the link changes nothing; the page asks the invitee to accept.
 */
export default function OrganizationInvitationNotice(props: EmailProps) {
  return <NoticeEmail kind="OrganizationInvitationNotice" linkLabel={(links) => links.acceptInvitation} {...props} />;
}

OrganizationInvitationNotice.PreviewProps = { link: "http://localhost:3000/invite/preview-token" } satisfies EmailProps;
