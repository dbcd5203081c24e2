"use client";

import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Field, FormAlert } from "@/components/field";
import { idle } from "@/lib/result";
import { BackupCodesList } from "./backup-codes-list";
import type { CodesAction, CodesState } from "./state";

type SetupCodeFormProps = {
  action: CodesAction;
  /** Whether a setup is waiting for its first code (false once it is done). */
  pending: boolean;
  label: string;
  hint?: string;
  submitLabel: string;
  /** For the downloaded backup-codes file. */
  account: string;
  /** Shown above the field while pending: the QR code, "we sent a code to …". */
  children?: ReactNode;
};

/**
 * The last step of setting up a factor: the first code. When that makes it
 * the account's first factor, the answer carries the backup codes, and this
 * form — which stays mounted as the page refreshes — shows them once.
 */
export function SetupCodeForm({ action, pending, label, hint, submitLabel, account, children }: SetupCodeFormProps) {
  const t = useTranslations("accountClient");
  const [state, formAction, busy] = useActionState<CodesState, FormData>(action, idle);
  if (state.status === "codes") return <BackupCodesList codes={state.codes} message={state.message} account={account} />;
  if (!pending) return null;
  return (
    <div className="stack">
      {children}
      <form action={formAction} className="stack" noValidate>
        <FormAlert error={state.status === "error" ? state.formError : undefined} />
        <Field
          name="code"
          label={label}
          hint={hint}
          className="code-input"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={16}
          required
          errors={state.status === "error" ? state.fieldErrors?.code : undefined}
        />
        <button className="button button-inline" type="submit" disabled={busy}>
          {busy ? t("checking") : submitLabel}
        </button>
      </form>
    </div>
  );
}
