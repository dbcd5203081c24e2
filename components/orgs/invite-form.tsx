"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/field";
import type { InviteOutcome } from "@/lib/orgs/invite-members";
import { MAX_ADDRESSES_PER_SUBMISSION } from "@/lib/orgs/invitation-rules";
import type { OrgRole } from "@/lib/orgs/permissions";
import { idle, type ActionState } from "@/lib/result";
import { InviteOutcomes } from "./invite-outcomes";

/** The invite form's state: the usual one, or each address's outcome after a submission. */
export type InviteState = ActionState | { status: "invited"; outcomes: InviteOutcome[] };

type Props = { action: (state: InviteState, form: FormData) => Promise<InviteState>; roles: readonly OrgRole[] };

/** Up to 20 addresses and one role; afterwards, what happened to each address. */
export function InviteForm({ action, roles }: Props) {
  const t = useTranslations("orgClient");
  const [state, formAction, pending] = useActionState(action, idle);
  const error = state.status === "error" ? state : undefined;
  const values = error?.values;
  return (
    <form action={formAction} className="stack" noValidate key={values ? JSON.stringify(values) : state.status}>
      {state.status === "invited" ? <InviteOutcomes outcomes={state.outcomes} /> : null}
      <FormAlert error={error?.formError} />
      <div className="field">
        <label htmlFor="invite-emails">{t("emails")}</label>
        <textarea
          id="invite-emails"
          name="emails"
          rows={4}
          maxLength={10_000}
          spellCheck={false}
          defaultValue={values?.emails}
          aria-describedby={["invite-emails-hint", error?.fieldErrors?.emails ? "invite-emails-error" : ""].join(" ").trim()}
          aria-invalid={error?.fieldErrors?.emails ? true : undefined}
        />
        <p id="invite-emails-hint" className="field-help">
          {t("emailsHint", { max: MAX_ADDRESSES_PER_SUBMISSION })}
        </p>
        {error?.fieldErrors?.emails ? <p id="invite-emails-error" className="field-error" role="alert">{error.fieldErrors.emails.join(" ")}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="invite-role">{t("role")}</label>
        <select id="invite-role" name="role" defaultValue={values?.role || "member"} aria-invalid={error?.fieldErrors?.role ? true : undefined}
          aria-describedby={error?.fieldErrors?.role ? "invite-role-error" : undefined}>
          {roles.map((role) => (
            <option key={role} value={role}>{t(role)}</option>
          ))}
        </select>
        {error?.fieldErrors?.role ? <p id="invite-role-error" className="field-error" role="alert">{error.fieldErrors.role.join(" ")}</p> : null}
      </div>
      <button className="button button-inline" type="submit" disabled={pending}>
        {pending ? t("sending") : t("sendInvitations")}
      </button>
    </form>
  );
}
