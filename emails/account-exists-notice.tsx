import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/**
 * Sign-up was tried with an address that already has an account. When it
 * was tried from an invitation's page, `link` signs in and returns to that
 * invitation, so "Sign in" is the way to accept it.
 */
export default function AccountExistsNotice(props: EmailProps) {
  const backToInvitation = Boolean(props.link);
  return (
    <NoticeEmail
      kind="AccountExistsNotice"
      linkLabel={backToInvitation ? (links) => links.signIn : undefined}
      actions={(links) => [
        ...(backToInvitation ? [] : [{ label: links.signIn, path: "/sign-in" }]),
        { label: links.resetPassword, path: "/forgot-password" },
      ]}
      {...props}
    />
  );
}
