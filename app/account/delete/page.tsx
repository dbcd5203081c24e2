import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmByTypingForm } from "@/components/account/confirm-by-typing-form";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { HAND_OVER_PATH, OWNER_CANNOT_DELETE } from "@/lib/account/delete-account";
import { getOwnerId } from "@/lib/auth/roles";
import { hasFreshStepUp, requireAccountUser } from "../guard";
import { deleteAccountAction } from "./actions";

export const metadata: Metadata = { title: "Delete account" };

export default async function DeleteAccountPage() {
  const user = await requireAccountUser();
  const [fresh, ownerId] = await Promise.all([hasFreshStepUp(user), getOwnerId()]);
  return (
    <div className="stack account-page account-narrow">
      <header>
        <h1>Delete account</h1>
        <p className="muted">This can&apos;t be undone.</p>
      </header>
      <div className="stack">
        <p style={{ margin: 0 }}>Deleting your account removes, right away:</p>
        <ul className="account-list">
          <li>your profile and sign-in details for <strong>{user.email}</strong>;</li>
          <li>your two-step verification methods and backup codes;</li>
          <li>every session: you are signed out everywhere, this browser included;</li>
          <li>your security activity, pending codes and emails not yet sent to your address.</li>
        </ul>
        <p className="muted" style={{ margin: 0 }}>You can create a new account with the same address later.</p>
      </div>
      {ownerId === user.id ? (
        <div className="alert alert-error stack" role="alert">
          <p style={{ margin: 0 }}>{OWNER_CANNOT_DELETE}</p>
          <p style={{ margin: 0 }}>
            <Link href={HAND_OVER_PATH}>Hand over ownership</Link>
          </p>
        </div>
      ) : fresh ? (
        <ConfirmByTypingForm
          action={deleteAccountAction}
          name="email"
          type="email"
          label="Type your email address to confirm"
          submitLabel="Delete my account"
          pendingLabel="Deleting…"
        />
      ) : (
        <StepUpPrompt next="/account/delete" task="delete your account" />
      )}
    </div>
  );
}
