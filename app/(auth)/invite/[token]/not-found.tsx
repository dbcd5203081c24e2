import Link from "next/link";

/** An unknown or mistyped invitation link: nothing to say about whose it was, only what to do. */
export default function InvitationNotFound() {
  return (
    <div className="stack">
      <h1>Invitation not found</h1>
      <p role="status">
        We couldn&apos;t find that invitation. Check that you opened the whole link from the email. If it still doesn&apos;t work, ask the
        person who invited you to send a new invitation.
      </p>
      <div className="links">
        <Link href="/">Go to the home page</Link>
        <Link href="/sign-in">Sign in</Link>
      </div>
    </div>
  );
}
