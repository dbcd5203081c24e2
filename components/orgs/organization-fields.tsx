import { useTranslations } from "next-intl";
import { Field } from "@/components/field";
import type { FieldErrors } from "@/lib/errors/failure";
import { SLUG_MAX, SLUG_MIN } from "@/lib/orgs/validate-organization";

export type OrganizationValues = { name: string; slug: string; logoUrl: string };

type Props = {
  values: OrganizationValues;
  errors?: FieldErrors;
  /** The create form fills the URL name in from the name until it is edited. */
  onNameInput?: (name: string) => void;
  onSlugInput?: (slug: string) => void;
  slugHint: string;
};

/** Name, URL name and logo: the fields the create and settings forms share. */
export function OrganizationFields({ values, errors, onNameInput, onSlugInput, slugHint }: Props) {
  const t = useTranslations("orgClient");
  return (
    <>
      <Field
        name="name"
        label={t("name")}
        autoComplete="organization"
        maxLength={80}
        required
        defaultValue={values.name}
        errors={errors?.name}
        onInput={onNameInput && ((event) => onNameInput(event.currentTarget.value))}
      />
      <Field
        name="slug"
        label={t("slug")}
        autoComplete="off"
        spellCheck={false}
        minLength={SLUG_MIN}
        maxLength={SLUG_MAX}
        hint={slugHint}
        errors={errors?.slug}
        {...(onSlugInput
          ? { value: values.slug, onChange: (event: React.ChangeEvent<HTMLInputElement>) => onSlugInput(event.currentTarget.value) }
          : { defaultValue: values.slug })}
      />
      <Field
        name="logoUrl"
        label={t("logoUrl")}
        type="url"
        inputMode="url"
        maxLength={500}
        placeholder="https://"
        hint={t("logoHint")}
        defaultValue={values.logoUrl}
        errors={errors?.logoUrl}
      />
    </>
  );
}
