"use client";

import { useActionState, type InputHTMLAttributes } from "react";
import { Field, FormAlert } from "@/components/field";
import { idle, type ActionState } from "@/lib/result";

type ChallengeFormProps = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  label: string;
  hint?: string;
  input: Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "inputMode" | "autoComplete" | "maxLength" | "spellCheck" | "autoCapitalize">;
  code?: boolean;
  /** The submit button's words in the page's language; English by default. */
  submitLabel?: string;
  pendingLabel?: string;
};

/**
 * One answer to the second step (authenticator code, backup code or
 * password). The field is always named "code"; wrong answers come back with
 * the tries left, and nothing typed is ever put back into the page.
 */
export function ChallengeForm({ action, label, hint, input, code = false, submitLabel = "Verify", pendingLabel = "Checking…" }: ChallengeFormProps) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormAlert error={state.status === "error" ? state.formError : undefined} />
      <Field
        name="code"
        label={label}
        hint={hint}
        className={code ? "code-input" : undefined}
        required
        autoFocus
        errors={state.status === "error" ? state.fieldErrors?.code : undefined}
        {...input}
      />
      <button className="button" type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
