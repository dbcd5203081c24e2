"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { idle, type ActionState } from "@/lib/result";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  id: string;
  /** Where to come back to (this page, with its filters): the action redirects there with a notice. */
  back: string;
  /** Said to screen readers after "Retry", e.g. "the Register email to a•••e@example.com". */
  what: string;
};

/**
 * "Retry" for a failed or dead message: a POST form that works without
 * JavaScript. A refusal (it changed meanwhile, its code expired) shows next
 * to the button; success redirects back with a notice.
 */
export function RetryForm({ action, id, back, what }: Props) {
  const t = useTranslations("consoleDeliveries");
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="retry-form">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="back" value={back} />
      <button className="button button-inline button-small" type="submit" disabled={pending}>
        {pending ? t("retrying") : t("retry")}
        <span className="deliveries-visually-hidden"> {what}</span>
      </button>
      {state.status === "error" && state.formError ? (
        <p className="field-error" role="alert">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
