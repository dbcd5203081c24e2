import { CodeEmail } from "./components/code-email";
import type { EmailProps } from "./components/props";

/** An invitation: the code, and the accept link when the inviter's flow has one. */
export default function OrganizationInvitationCode(props: EmailProps) {
  return <CodeEmail purpose="OrganizationInvitation" {...props} />;
}

OrganizationInvitationCode.PreviewProps = { link: "http://localhost:3000/invitations/preview" } satisfies EmailProps;
