import type { Metadata } from "next";
import { AuthForm } from "@/components/auth-form";
import { FormAlert } from "@/components/field";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { hasFreshStepUp, requireAccountUser } from "../guard";
import { startEmailChangeAction } from "./actions";

export const metadata: Metadata = { title: "Email" };

export default async function EmailPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const user = await requireAccountUser();
  const [{ changed }, fresh] = await Promise.all([searchParams, hasFreshStepUp(user)]);
  return (
    <div className="stack account-page account-narrow">
      <header>
        <h1>Email</h1>
        <p className="muted">
          You sign in with <strong>{user.email}</strong>, and we send your codes and security notices there.
        </p>
      </header>
      {changed ? <FormAlert message={`Your email is now ${user.email}.`} /> : null}
      <section className="stack" aria-labelledby="change-email">
        <h2 id="change-email">Change email</h2>
        {fresh ? (
          <>
            <p className="muted">We&apos;ll send a code to the new address. Your current address gets a notice once the change is done.</p>
            <AuthForm
              action={startEmailChangeAction}
              fields={[{ name: "email", label: "New email", type: "email", autoComplete: "email" }]}
              submitLabel="Send code"
              pendingLabel="Sending…"
            />
          </>
        ) : (
          <StepUpPrompt next="/account/email" task="change your email" />
        )}
      </section>
    </div>
  );
}
