import { useTranslations } from "next-intl";
import type { ConnectorField as FieldSpec } from "@/lib/connectors/types";

type Props = {
  field: FieldSpec;
  /** The form input name (`config.<key>`). */
  name: string;
  /** The starting value; ignored for secrets, which are never put into the page. */
  value: string | undefined;
  /** A secret with a saved value: leaving it blank keeps that value. */
  secretSet: boolean;
  errors?: string[];
  /** Hidden until a CSS `:has()` rule on the form shows it (see show-when-css.ts). */
  conditional: boolean;
};

export const fieldId = (name: string) => `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;

/** Help and errors are plain text; `backticks` mark commands and values, shown as code. */
function HelpText({ text }: { text: string }) {
  return text.split(/(`[^`]+`)/).map((part, i) => (part.length > 2 && part.startsWith("`") && part.endsWith("`") ? <code key={i}>{part.slice(1, -1)}</code> : part));
}

/** One connector setting as a labelled input, with its help and error tied to it. */
export function ConnectorFieldInput({ field, name, value, secretSet, errors, conditional }: Props) {
  const t = useTranslations("consoleConnectors.field");
  const id = fieldId(name);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const help = [field.help, field.type === "headers" && !field.help?.includes("Name: value") ? t("headersHint") : null]
    .filter(Boolean)
    .join(" ");
  const secretHint = field.secret && secretSet ? t("secretHint") : null;
  const describedBy = [errors?.length ? errorId : null, help ? helpId : null, secretHint ? `${id}-secret` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    required: field.required,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy,
  } as const;

  let control: React.ReactNode;
  if (field.secret) {
    const placeholder = secretSet ? t("secretPlaceholder") : field.placeholder;
    // Write-only: never a defaultValue; new-password keeps the browser from filling in the admin's own password.
    control =
      field.type === "textarea" || field.type === "headers" ? (
        <textarea {...common} rows={4} placeholder={placeholder} autoComplete="off" spellCheck={false} />
      ) : (
        <input {...common} type="password" placeholder={placeholder} autoComplete="new-password" spellCheck={false} />
      );
  } else if (field.type === "checkbox") {
    control = <input {...common} type="checkbox" defaultChecked={value === "on" || value === "true"} />;
  } else if (field.type === "select") {
    control = (
      <select {...common} defaultValue={value ?? (field.default !== undefined ? String(field.default) : undefined)}>
        {field.options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (field.type === "textarea" || field.type === "headers") {
    control = (
      <textarea
        {...common}
        rows={field.type === "headers" ? 3 : 4}
        defaultValue={value}
        placeholder={field.placeholder ?? (field.type === "headers" ? "X-Campaign: sign-in" : undefined)}
        spellCheck={false}
      />
    );
  } else {
    control = (
      <input
        {...common}
        type={field.type === "number" ? "number" : field.type === "password" ? "password" : field.type}
        defaultValue={field.type === "password" ? undefined : value}
        placeholder={field.placeholder}
        autoComplete="off"
        spellCheck={false}
      />
    );
  }

  return (
    <div className={field.type === "checkbox" ? "field field-checkbox" : "field"} data-field={field.key} data-conditional={conditional || undefined}>
      {field.type === "checkbox" ? (
        <div className="checkbox-row">
          {control}
          <label htmlFor={id}>{field.label}</label>
        </div>
      ) : (
        <>
          <label htmlFor={id}>{field.label}</label>
          {control}
        </>
      )}
      {help ? (
        <p id={helpId} className="field-help">
          <HelpText text={help} />
        </p>
      ) : null}
      {secretHint ? (
        <p id={`${id}-secret`} className="field-help">
          {secretHint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="field-error" role="alert">
          <HelpText text={errors.join(" ")} />
        </p>
      ) : null}
    </div>
  );
}
