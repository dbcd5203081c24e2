import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { FormAlert } from "@/components/field";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { hasFreshStepUp, requireAccountUser } from "../guard";
import { startEmailChangeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountEmail"))("title") };
}

export default async function EmailPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const user = await requireAccountUser();
  const [{ changed }, fresh, t] = await Promise.all([searchParams, hasFreshStepUp(user), getTranslations("accountEmail")]);
  return (
    <div className="stack account-page account-narrow">
      <header>
        <h1>{t("title")}</h1>
        <p className="muted">{t.rich("lead", { email: user.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </header>
      {changed ? <FormAlert message={t("changed", { email: user.email })} /> : null}
      <section className="stack" aria-labelledby="change-email">
        <h2 id="change-email">{t("changeTitle")}</h2>
        {fresh ? (
          <>
            <p className="muted">{t("changeLead")}</p>
            <AuthForm
              action={startEmailChangeAction}
              fields={[{ name: "email", label: t("newEmail"), type: "email", autoComplete: "email" }]}
              submitLabel={t("sendCode")}
              pendingLabel={t("sending")}
            />
          </>
        ) : (
          <StepUpPrompt next="/account/email" task={t("task")} />
        )}
      </section>
    </div>
  );
}
