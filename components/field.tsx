import type { InputHTMLAttributes } from "react";
import { PasswordInput } from "./password-input";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
};

/** A labelled input whose error is tied to it for assistive tech; a password field gets a Show/Hide button. */
export function Field({ name, label, errors, hint, id = `field-${name}`, ...input }: FieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [errors?.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {input.type === "password" ? (
        <PasswordInput id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...input} />
      ) : (
        <input id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...input} />
      )}
      {hint ? <p id={hintId} className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>{hint}</p> : null}
      {errors?.length ? <p id={errorId} className="field-error" role="alert">{errors.join(" ")}</p> : null}
    </div>
  );
}

export function FormAlert({ error, message }: { error?: string; message?: string }) {
  if (error) return <div className="alert alert-error" role="alert">{error}</div>;
  if (message) return <div className="alert alert-ok" role="status">{message}</div>;
  return null;
}
