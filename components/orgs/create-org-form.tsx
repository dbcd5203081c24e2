"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/field";
import { suggestSlug } from "@/lib/orgs/suggest-slug";
import { idle, type ActionState } from "@/lib/result";
import { OrganizationFields } from "./organization-fields";

type Props = { action: (state: ActionState, form: FormData) => Promise<ActionState> };

/**
 * Creates an organization. The URL name follows the name as it is typed
 * (suggestSlug) until the user edits it; without JavaScript the server makes
 * the same suggestion when it is left empty. Every field error shows at once.
 */
export function CreateOrgForm({ action }: Props) {
  const t = useTranslations("orgClient");
  const [state, formAction, pending] = useActionState(action, idle);
  const values = { name: "", slug: "", logoUrl: "", ...(state.status === "error" ? state.values : undefined) };
  const [slug, setSlug] = useState(values.slug);
  const [edited, setEdited] = useState(values.slug !== "");
  // A refused submission brings back what the server tried (its suggestion included).
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    setSlug(values.slug);
    setEdited(values.slug !== "");
  }
  return (
    <form action={formAction} className="stack" noValidate key={state.status === "error" ? JSON.stringify(state.values) : "new"}>
      <FormAlert error={state.status === "error" ? state.formError : undefined} />
      <OrganizationFields
        values={{ ...values, slug }}
        errors={state.status === "error" ? state.fieldErrors : undefined}
        onNameInput={(name) => (edited ? undefined : setSlug(suggestSlug(name)))}
        onSlugInput={(next) => {
          setSlug(next);
          setEdited(next !== "");
        }}
        slugHint={t("createSlugHint")}
      />
      <button className="button button-inline" type="submit" disabled={pending}>
        {pending ? t("creating") : t("create")}
      </button>
    </form>
  );
}
