import { NoticeEmail } from "./components/notice-email";
import type { EmailProps } from "./components/props";

/** Sign-up was tried with an address that already has an account. */
export default function AccountExistsNotice(props: EmailProps) {
  return (
    <NoticeEmail
      kind="AccountExistsNotice"
      actions={(links) => [
        { label: links.signIn, path: "/sign-in" },
        { label: links.resetPassword, path: "/forgot-password" },
      ]}
      {...props}
    />
  );
}
