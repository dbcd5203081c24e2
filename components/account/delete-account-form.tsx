"use client";

import { useActionState } from "react";
import { Field, FormAlert } from "@/components/field";
import { idle, type ActionState } from "@/lib/result";

type Props = { action: (state: ActionState, form: FormData) => Promise<ActionState> };

/** The last step: typing the address is what makes the button mean it. */
export function DeleteAccountForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="stack account-danger-panel" noValidate>
      <FormAlert error={state.status === "error" ? state.formError : undefined} />
      <Field
        name="email"
        label="Type your email address to confirm"
        type="email"
        autoComplete="off"
        spellCheck={false}
        required
        errors={errors?.email}
      />
      <button className="button button-danger button-inline" type="submit" disabled={pending}>
        {pending ? "Deleting…" : "Delete my account"}
      </button>
    </form>
  );
}
