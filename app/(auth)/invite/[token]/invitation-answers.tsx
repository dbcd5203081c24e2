import Link from "next/link";
import { ActionButton } from "@/components/account/action-button";
import { AuthForm } from "@/components/auth-form";
import { withNext } from "@/lib/auth/return-to";
import { invitationPath } from "@/lib/orgs/invitation-links";
import {
  acceptInvitationAction,
  declineInvitationAction,
  signOutAndContinueAction,
  startInvitationSignUpAction,
} from "./actions";

/*
 * What the invitation page offers, by who is looking. Every answer is a POST
 * (a mail scanner following the link changes nothing); each form works
 * without JavaScript.
 */

/** Signed in with the invited address. */
export function InviteeAnswer({ token }: { token: string }) {
  return (
    <div className="button-row">
      <ActionButton action={acceptInvitationAction.bind(null, token)} label="Accept" pendingLabel="Joining…" />
      <ActionButton action={declineInvitationAction.bind(null, token)} label="Decline" pendingLabel="Declining…" variant="secondary" />
    </div>
  );
}

/** Signed in with another address: never accept for it; offer to switch. */
export function WrongAccount({ token, maskedEmail, signedInAs }: { token: string; maskedEmail: string; signedInAs: string }) {
  return (
    <div className="stack">
      <p className="alert alert-warn" role="alert">
        This invitation is for {maskedEmail}; you are signed in as {signedInAs}.
      </p>
      <p className="muted">To accept it, sign out and continue with the invited address. You&apos;ll come back to this invitation.</p>
      <div className="button-row">
        <ActionButton action={signOutAndContinueAction.bind(null, token)} label="Sign out and continue" pendingLabel="Signing out…" />
        <Link href="/">Stay signed in</Link>
      </div>
    </div>
  );
}

/**
 * Signed out: sign in (and come back here), or create the account here.
 * The page does not say whether the invited address has an account: the
 * new-account path emails a code, or a "you already have an account"
 * notice whose "Sign in" returns here (lib/orgs/start-invitation-sign-up.ts).
 */
export function SignedOutChoices({ token, maskedEmail, minPasswordLength }: { token: string; maskedEmail: string; minPasswordLength: number }) {
  return (
    <div className="stack">
      <section className="stack" aria-labelledby="invite-sign-in">
        <h2 id="invite-sign-in">Already have an account?</h2>
        <Link className="button button-inline" href={withNext("/sign-in", invitationPath(token))}>
          Sign in to accept
        </Link>
      </section>
      <section className="stack" aria-labelledby="invite-new-account">
        <div>
          <h2 id="invite-new-account">New here? Create an account</h2>
          <p className="muted">
            Your account will use the invited address, <strong>{maskedEmail}</strong>. We&apos;ll email a code to it to confirm it&apos;s
            yours.
          </p>
        </div>
        <AuthForm
          action={startInvitationSignUpAction.bind(null, token)}
          fields={[
            { name: "name", label: "Name (optional)", autoComplete: "name", required: false },
            {
              name: "password", label: "Password", type: "password", autoComplete: "new-password",
              hint: `At least ${minPasswordLength} characters. A long phrase is easiest to remember.`,
            },
          ]}
          submitLabel="Create account"
          pendingLabel="Sending code…"
        />
      </section>
    </div>
  );
}
