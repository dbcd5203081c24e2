"use client";

import { useActionState } from "react";
import { Field, FormAlert } from "@/components/field";
import { idle, type ActionState } from "@/lib/result";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  /** The input to type into: its name (what the action reads), its label, and an id when another field on the page has that name. */
  name: string;
  label: string;
  id?: string;
  type?: "email" | "text";
  submitLabel: string;
  pendingLabel: string;
};

/** The last step of a deletion (the account, an organization): typing what goes is what makes the button mean it. */
export function ConfirmByTypingForm({ action, name, label, id, type = "text", submitLabel, pendingLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="stack account-danger-panel" noValidate>
      <FormAlert error={state.status === "error" ? state.formError : undefined} />
      <Field id={id} name={name} label={label} type={type} autoComplete="off" spellCheck={false} required errors={errors?.[name]} />
      <button className="button button-danger button-inline" type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
