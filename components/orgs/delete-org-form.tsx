"use client";

import { useActionState } from "react";
import { Field, FormAlert } from "@/components/field";
import { idle, type ActionState } from "@/lib/result";

type Props = { action: (state: ActionState, form: FormData) => Promise<ActionState>; name: string };

/** The last step: typing the organization's name is what makes the button mean it. */
export function DeleteOrgForm({ action, name }: Props) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="stack account-danger-panel" noValidate>
      <FormAlert error={state.status === "error" ? state.formError : undefined} />
      <Field
        name="name"
        label={`Type the organization's name (${name}) to confirm`}
        autoComplete="off"
        spellCheck={false}
        required
        errors={state.status === "error" ? state.fieldErrors?.name : undefined}
      />
      <button className="button button-danger button-inline" type="submit" disabled={pending}>
        {pending ? "Deleting…" : "Delete organization"}
      </button>
    </form>
  );
}
