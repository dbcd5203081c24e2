"use client";

import { useActionState } from "react";
import { idle, type ActionState } from "@/lib/result";
import { Field, FormAlert } from "./field";

export type FieldSpec = {
  name: string;
  label: string;
  type?: "email" | "password" | "text";
  autoComplete?: string;
  required?: boolean;
  hint?: string;
  /** What the field shows before any post (a saved, non-secret setting). */
  defaultValue?: string;
};

type AuthFormProps = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  fields: FieldSpec[];
  submitLabel: string;
  pendingLabel?: string;
  /** Values the page carries through the post (where a sign-in returns to); never secrets. */
  hidden?: Record<string, string>;
  /** Focus the first field on arrival: for pages whose first thing is this form (the auth pages). @default false */
  autoFocus?: boolean;
};

/**
 * A server-action form that also works without JavaScript: React posts it
 * as a plain form and renders the returned state on the next page.
 */
export function AuthForm({ action, fields, submitLabel, pendingLabel = "Please wait…", hidden = {}, autoFocus = false }: AuthFormProps) {
  const [state, formAction, pending] = useActionState(action, idle);
  const values = state.status === "error" ? state.values : undefined;
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="stack" noValidate>
      <FormAlert error={state.status === "error" ? state.formError : undefined} message={state.status === "ok" ? state.message : undefined} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f, i) => (
        <Field
          key={`${f.name}-${values?.[f.name] ?? ""}`}
          name={f.name}
          label={f.label}
          type={f.type ?? "text"}
          autoComplete={f.autoComplete}
          required={f.required ?? true}
          hint={f.hint}
          autoFocus={autoFocus && i === 0}
          defaultValue={f.type === "password" ? undefined : (values?.[f.name] ?? f.defaultValue)}
          errors={fieldErrors?.[f.name]}
        />
      ))}
      <button className="button" type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
