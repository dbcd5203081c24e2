import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@/lib/errors/codes";
import { LOCALES } from "@/lib/mail/locale";
import { catalogues, type Messages } from "./catalogue";

/** Every message of a catalogue by its dotted key. */
function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(messages)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === "string") out.set(key, value);
    else for (const [k, v] of flatten(value, key)) out.set(k, v);
  }
  return out;
}

/** `{name}` arguments and `<tag>` rich-text tags: what the code fills in, so every language must have the same. */
const slots = (text: string) => [...text.matchAll(/\{(\w+)\}|<(\w+)>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();

const english = flatten(catalogues.en);

describe("message catalogues", () => {
  for (const locale of LOCALES.filter((l) => l !== "en")) {
    const other = flatten(catalogues[locale]);

    it(`${locale} has exactly the keys en has`, () => {
      expect([...other.keys()].filter((k) => !english.has(k)), `only in ${locale}`).toEqual([]);
      expect([...english.keys()].filter((k) => !other.has(k)), `missing from ${locale}`).toEqual([]);
    });

    it(`${locale} fills in the same placeholders and tags as en`, () => {
      const mismatched = [...english].filter(([key, text]) => other.has(key) && slots(text).join() !== slots(other.get(key)!).join());
      expect(mismatched.map(([key]) => key)).toEqual([]);
    });

    it(`${locale} has no empty message`, () => {
      expect([...other].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
    });
  }

  it("gives every error code words in every language", () => {
    for (const locale of LOCALES) {
      const messages = flatten(catalogues[locale]);
      expect(ERROR_CODES.filter((code) => !messages.has(`errors.${code}`)), locale).toEqual([]);
    }
  });
});
