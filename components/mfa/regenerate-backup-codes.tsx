"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/field";
import { idle } from "@/lib/result";
import { BackupCodesList } from "./backup-codes-list";
import type { CodesAction, CodesState } from "./state";

type Props = {
  action: CodesAction;
  /** Whether the button is offered (a fresh "Confirm it's you" exists). */
  canRegenerate: boolean;
  account: string;
};

/** "Regenerate backup codes", and the new codes once, from the action's answer. */
export function RegenerateBackupCodes({ action, canRegenerate, account }: Props) {
  const t = useTranslations("accountClient");
  const [state, formAction, busy] = useActionState<CodesState, FormData>(action, idle);
  return (
    <>
      {state.status === "codes" ? <BackupCodesList codes={state.codes} message={state.message} account={account} /> : null}
      {state.status === "error" ? <FormAlert error={state.formError} /> : null}
      {canRegenerate && state.status !== "codes" ? (
        <form action={formAction}>
          <button className="button button-secondary button-inline" type="submit" disabled={busy}>
            {busy ? t("generating") : t("regenerate")}
          </button>
        </form>
      ) : null}
    </>
  );
}
