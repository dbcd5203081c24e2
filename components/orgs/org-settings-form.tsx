"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/field";
import { idle, type ActionState } from "@/lib/result";
import { OrganizationFields, type OrganizationValues } from "./organization-fields";

type Props = { action: (state: ActionState, form: FormData) => Promise<ActionState>; current: OrganizationValues };

/** Rename, change the URL name or the logo; a refused save keeps what was typed, with every field's error. */
export function OrgSettingsForm({ action, current }: Props) {
  const t = useTranslations("orgClient");
  const [state, formAction, pending] = useActionState(action, idle);
  const values = state.status === "error" ? { ...current, ...state.values } : current;
  return (
    <form action={formAction} className="stack" noValidate key={JSON.stringify(values)}>
      <FormAlert error={state.status === "error" ? state.formError : undefined} />
      <OrganizationFields
        values={values}
        errors={state.status === "error" ? state.fieldErrors : undefined}
        slugHint={t("settingsSlugHint")}
      />
      <button className="button button-inline" type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  );
}
