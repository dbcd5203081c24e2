import { useTranslations } from "next-intl";
import type { ConnectorField } from "@/lib/connectors/types";
import { configFieldName } from "@/lib/connectors/form";
import { ConnectorFieldInput } from "./connector-field";
import { isConditional } from "./show-when-css";

type Props = {
  fields: readonly ConnectorField[];
  /** The value each field shows, by key (never a secret's). */
  value: (key: string) => string | undefined;
  /** Secret keys that have a saved value ("leave blank to keep"). */
  secretsSet: readonly string[];
  fieldErrors?: Partial<Record<string, string[]>>;
};

/**
 * A provider's settings as form inputs named `config.<key>`, the advanced
 * ones under a disclosure that opens by itself when one of them is wrong.
 * Shared by the email connector and social connector forms; the form adds
 * its `showWhenCss` rules.
 */
export function ConnectorSettings({ fields, value, secretsSet, fieldErrors }: Props) {
  const t = useTranslations("console");
  const basic = fields.filter((f) => !f.advanced);
  const advanced = fields.filter((f) => f.advanced);
  const advancedHasError = advanced.some((f) => fieldErrors?.[configFieldName(f.key)]?.length);
  const renderField = (field: ConnectorField) => (
    <ConnectorFieldInput
      key={field.key}
      field={field}
      name={configFieldName(field.key)}
      value={value(field.key)}
      secretSet={secretsSet.includes(field.key)}
      errors={fieldErrors?.[configFieldName(field.key)]}
      conditional={isConditional(field, fields)}
    />
  );
  return (
    <>
      {fields.length === 0 ? <p className="muted">{t("noSettings")}</p> : null}
      {basic.map(renderField)}
      {advanced.length > 0 ? (
        <details className="advanced" open={advancedHasError || undefined}>
          <summary>{t("advanced")}</summary>
          <div className="stack">{advanced.map(renderField)}</div>
        </details>
      ) : null}
    </>
  );
}
