"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/components/field";
import { idle, type ActionState } from "@/lib/result";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  label: string;
  /** What sends email after the delete, e.g. "SMTP (from environment variables)". */
  fallback: string;
};

/**
 * Delete with a confirm step that needs no JavaScript: the button only
 * appears once the admin opens the disclosure. A refusal (features still
 * sending email) is shown outside it, so it stays visible after a no-JS post.
 */
export function DeleteConnectorForm({ action, label, fallback }: Props) {
  const t = useTranslations("consoleConnectors");
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <div className="stack">
      <FormAlert error={state.status === "error" ? state.formError : undefined} />
      <details className="danger-zone">
        <summary>{t("delete")}</summary>
        <form action={formAction} className="stack">
          <p>{t.rich("deleteConfirm", { label, fallback, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <button className="button button-inline button-danger" type="submit" disabled={pending}>
            {pending ? t("deleting") : t("deleteButton")}
          </button>
        </form>
      </details>
    </div>
  );
}
