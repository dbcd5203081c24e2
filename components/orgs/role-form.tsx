"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/field";
import type { OrgRole } from "@/lib/orgs/permissions";
import { idle, type ActionState } from "@/lib/result";

type Props = {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  userId: string;
  /** Who it is, for the label (the select is one of many on the page). */
  who: string;
  role: OrgRole;
  /** Only the roles the viewer may give (assignableRoles). */
  roles: readonly OrgRole[];
};

/** A member's role as a select and a button; a refusal shows beside it. */
export function RoleForm({ action, userId, who, role, roles }: Props) {
  const t = useTranslations("orgClient");
  const [state, formAction, pending] = useActionState(action, idle);
  const id = `role-${userId}`;
  const error = state.status === "error" ? [state.formError, ...(state.fieldErrors?.role ?? [])].filter(Boolean).join(" ") : undefined;
  return (
    <form action={formAction} className="org-inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="account-sr-only">
        {t("roleOf", { who })}
      </label>
      <select id={id} name="role" defaultValue={role} aria-invalid={error ? true : undefined}>
        {roles.map((option) => (
          <option key={option} value={option}>
            {t(option)}
          </option>
        ))}
      </select>
      <button className="button button-secondary button-inline account-button-small" type="submit" disabled={pending}>
        {pending ? t("saving") : t("changeRole")}
        <span className="account-sr-only">{t("ofWho", { who })}</span>
      </button>
      <FormAlert error={error} />
    </form>
  );
}
