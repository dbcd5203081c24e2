import "server-only";
import { getTranslations } from "next-intl/server";
import type { ConnectorField } from "@/lib/connectors/types";

/**
 * A provider's words from the registries (lib/connectors, lib/social) in the
 * reader's language, by key: `consoleFields.<catalogueId>.description`,
 * `.fields.<key, dots as _>.label`, `.help` and `.options.<value>` (a social
 * provider's guide: components/console/social-guide.tsx). Read raw (no ICU):
 * they hold `<region>`-style examples, never placeholders. A text the
 * catalogue lacks stays as the registry has it.
 * localize-fields.test.ts keeps the English catalogue equal to the registries.
 */
export async function localizedProvider<P extends { description: string; fields: readonly ConnectorField[] }>(catalogueId: string, provider: P): Promise<P> {
  const t = await getTranslations("consoleFields");
  const text = (key: string, fallback: string) => (t.has(`${catalogueId}.${key}` as never) ? (t.raw(`${catalogueId}.${key}` as never) as string) : fallback);
  const fields = provider.fields.map((field) => {
    const base = `fields.${field.key.replace(/\./g, "_")}`;
    return {
      ...field,
      label: text(`${base}.label`, field.label),
      ...(field.help ? { help: text(`${base}.help`, field.help) } : {}),
      ...(field.options ? { options: field.options.map((option) => ({ ...option, label: text(`${base}.options.${option.value}`, option.label) })) } : {}),
    };
  });
  return { ...provider, description: text("description", provider.description), fields };
}
