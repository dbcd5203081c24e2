import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
export async function InviteeAnswer({ token }: { token: string }) {
  const t = await getTranslations("invite");
  return (
    <div className="button-row">
      <ActionButton action={acceptInvitationAction.bind(null, token)} label={t("accept")} pendingLabel={t("joining")} />
      <ActionButton action={declineInvitationAction.bind(null, token)} label={t("decline")} pendingLabel={t("declining")} variant="secondary" />
    </div>
  );
}

/** Signed in with another address: never accept for it; offer to switch. */
export async function WrongAccount({ token, maskedEmail, signedInAs }: { token: string; maskedEmail: string; signedInAs: string }) {
  const t = await getTranslations("invite");
  return (
    <div className="stack">
      <p className="alert alert-warn" role="alert">
        {t("wrongAccount", { invited: maskedEmail, signedInAs })}
      </p>
      <p className="muted">{t("wrongAccountLead")}</p>
      <div className="button-row">
        <ActionButton action={signOutAndContinueAction.bind(null, token)} label={t("signOutContinue")} pendingLabel={t("signingOut")} />
        <Link href="/">{t("staySignedIn")}</Link>
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
export async function SignedOutChoices({ token, maskedEmail, minPasswordLength }: { token: string; maskedEmail: string; minPasswordLength: number }) {
  const t = await getTranslations("invite");
  return (
    <div className="stack">
      <section className="stack" aria-labelledby="invite-sign-in">
        <h2 id="invite-sign-in">{t("haveAccount")}</h2>
        <Link className="button button-inline" href={withNext("/sign-in", invitationPath(token))}>
          {t("signInToAccept")}
        </Link>
      </section>
      <section className="stack" aria-labelledby="invite-new-account">
        <div>
          <h2 id="invite-new-account">{t("newHere")}</h2>
          <p className="muted">{t.rich("newLead", { email: maskedEmail, strong: (chunks) => <strong>{chunks}</strong> })}</p>
        </div>
        <AuthForm
          action={startInvitationSignUpAction.bind(null, token)}
          fields={[
            { name: "name", label: t("name"), autoComplete: "name", required: false },
            {
              name: "password", label: t("password"), type: "password", autoComplete: "new-password",
              hint: t("passwordHint", { min: minPasswordLength }),
            },
          ]}
          submitLabel={t("createAccount")}
          pendingLabel={t("sendingCode")}
        />
      </section>
    </div>
  );
}
