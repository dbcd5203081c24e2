import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConfirmByTypingForm } from "@/components/account/confirm-by-typing-form";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { HAND_OVER_PATH } from "@/lib/account/delete-account";
import { getOwnerId } from "@/lib/auth/roles";
import { hasFreshStepUp, requireAccountUser } from "../guard";
import { deleteAccountAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountDelete"))("title") };
}

export default async function DeleteAccountPage() {
  const user = await requireAccountUser();
  const [fresh, ownerId, t, lib] = await Promise.all([hasFreshStepUp(user), getOwnerId(), getTranslations("accountDelete"), getTranslations("accountLib")]);
  return (
    <div className="stack account-page account-narrow">
      <header>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </header>
      <div className="stack">
        <p style={{ margin: 0 }}>{t("removes")}</p>
        <ul className="account-list">
          <li>{t.rich("item1", { email: user.email, strong: (chunks) => <strong>{chunks}</strong> })}</li>
          <li>{t("item2")}</li>
          <li>{t("item3")}</li>
          <li>{t("item4")}</li>
        </ul>
        <p className="muted" style={{ margin: 0 }}>{t("later")}</p>
      </div>
      {ownerId === user.id ? (
        <div className="alert alert-error stack" role="alert">
          <p style={{ margin: 0 }}>{lib("ownerCannotDelete")}</p>
          <p style={{ margin: 0 }}>
            <Link href={HAND_OVER_PATH}>{t("handOver")}</Link>
          </p>
        </div>
      ) : fresh ? (
        <ConfirmByTypingForm
          action={deleteAccountAction}
          name="email"
          type="email"
          label={t("confirmLabel")}
          submitLabel={t("submit")}
          pendingLabel={t("deleting")}
        />
      ) : (
        <StepUpPrompt next="/account/delete" task={t("task")} />
      )}
    </div>
  );
}
