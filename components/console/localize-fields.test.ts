import { describe, expect, it } from "vitest";
import en from "@/messages/en/console.json";
import { CONNECTOR_IDS, connectors } from "@/lib/connectors/registry";
import { SOCIAL_PROVIDER_IDS, socialProviders } from "@/lib/social/registry";

// The console shows a provider's words from the catalogue by key
// (localize-fields.ts). The English catalogue must say exactly what the
// registries say: a label changed in lib/ and not here would show the old
// words, and a field added without a catalogue entry would stay English in
// every language.
type Entry = {
  description: string;
  fields: Record<string, { label: string; help?: string; options?: Record<string, string> }>;
  guide?: { createAt: string; steps: Record<string, string> };
};
const catalogue = en.consoleFields as unknown as Record<string, Entry>;

const providers = [
  ...CONNECTOR_IDS.map((id) => [id, connectors[id]] as const),
  ...SOCIAL_PROVIDER_IDS.map((id) => [`social_${id}`, socialProviders[id]] as const),
];

describe("the console's provider words", () => {
  for (const [catalogueId, provider] of providers) {
    it(`${catalogueId}: the English catalogue says what the registry says`, () => {
      const entry = catalogue[catalogueId];
      expect(entry?.description).toBe(provider.description);
      for (const field of provider.fields) {
        const words = entry?.fields[field.key.replace(/\./g, "_")];
        expect(words?.label, field.key).toBe(field.label);
        expect(words?.help, `${field.key} help`).toBe(field.help);
        for (const option of field.options ?? []) expect(words?.options?.[option.value], `${field.key}=${option.value}`).toBe(option.label);
      }
      if ("guide" in provider) {
        expect(entry?.guide?.createAt).toBe(provider.guide.createAt.label);
        expect(Object.values(entry?.guide?.steps ?? {})).toEqual(provider.guide.steps);
      }
    });
  }
});
