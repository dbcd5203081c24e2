"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/field";
import { idle, type ActionState } from "@/lib/result";

type ActionButtonProps = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  label: string;
  /** Extra words for assistive tech only, e.g. which session a "Sign out" row button ends. */
  detail?: string;
  pendingLabel?: string;
  hidden?: Record<string, string>;
  variant?: "primary" | "secondary" | "danger";
};

/** A one-button server-action form (works without JavaScript) that shows its own error. */
export function ActionButton({ action, label, detail, pendingLabel = "Please wait…", hidden = {}, variant = "primary" }: ActionButtonProps) {
  const [state, formAction, pending] = useActionState(action, idle);
  const className = ["button", "button-inline", variant === "secondary" ? "button-secondary" : variant === "danger" ? "button-danger" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <form action={formAction} className="account-action-button">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button className={className} type="submit" disabled={pending}>
        {pending ? pendingLabel : label}
        {detail ? <span className="account-sr-only"> {detail}</span> : null}
      </button>
      <FormAlert error={state.status === "error" ? state.formError : undefined} message={state.status === "ok" ? state.message : undefined} />
    </form>
  );
}
