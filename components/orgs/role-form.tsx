"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/field";
import { ROLE_LABELS, type OrgRole } from "@/lib/orgs/permissions";
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
  const [state, formAction, pending] = useActionState(action, idle);
  const id = `role-${userId}`;
  const error = state.status === "error" ? [state.formError, ...(state.fieldErrors?.role ?? [])].filter(Boolean).join(" ") : undefined;
  return (
    <form action={formAction} className="org-inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="account-sr-only">
        Role of {who}
      </label>
      <select id={id} name="role" defaultValue={role} aria-invalid={error ? true : undefined}>
        {roles.map((option) => (
          <option key={option} value={option}>
            {ROLE_LABELS[option]}
          </option>
        ))}
      </select>
      <button className="button button-secondary button-inline account-button-small" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change role"}
        <span className="account-sr-only"> of {who}</span>
      </button>
      <FormAlert error={error} />
    </form>
  );
}
