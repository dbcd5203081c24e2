"use client";

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
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <div className="stack">
      <FormAlert error={state.status === "error" ? state.formError : undefined} />
      <details className="danger-zone">
        <summary>Delete</summary>
        <form action={formAction} className="stack">
          <p>
            Delete the {label} connector? Emails will go through <strong>{fallback}</strong> instead, starting with the next one.
          </p>
          <button className="button button-inline button-danger" type="submit" disabled={pending}>
            {pending ? "Deleting…" : "Yes, delete the email connector"}
          </button>
        </form>
      </details>
    </div>
  );
}
