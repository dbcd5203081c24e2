import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/catalogue";
import { LOCALES } from "@/lib/mail/locale";
import en from "@/messages/en/forms.json";
import { CodeInput } from "./code-input/code-input";
import { PasswordInput } from "./password-input";
import { fillWord, SharedWordsProvider } from "./shared-words";

/** A value for every argument a shared word may name. */
const VALUES = { position: 3, total: 6, digest: "a1b2c3" };
const NAMESPACES = ["forms", "errorPage"] as const;

describe("the shared words", () => {
  // fillWord stands in for next-intl's formatter: a shared word that needs
  // more (a plural, a quote) would come out differently here.
  it.each(LOCALES)("come out as next-intl would format them (%s)", (locale) => {
    // The catalogue is loosely typed (lib/i18n/catalogue.ts), so next-intl cannot check the keys here.
    const t = createTranslator({ locale, messages: catalogues[locale], timeZone: "UTC" }) as unknown as (key: string, values: typeof VALUES) => string;
    for (const namespace of NAMESPACES) {
      const words = catalogues[locale][namespace] as Record<string, string>;
      for (const [key, word] of Object.entries(words)) {
        expect(fillWord(word, VALUES), `${namespace}.${key}`).toBe(t(`${namespace}.${key}`, VALUES));
      }
    }
  });

  it("leave a slot with no value as it is", () => {
    expect(fillWord("{position} of {total}", { position: 1 })).toBe("1 of {total}");
  });

  it("are what the code boxes and the password toggle read: without the provider they fail loudly", () => {
    const html = renderToStaticMarkup(h(SharedWordsProvider, { words: en, children: h(CodeInput, { label: "Code" }) }));
    expect(html).toContain('id="field-code"');
    expect(() => renderToStaticMarkup(h(PasswordInput, { id: "p" }))).toThrow(/SharedWordsProvider/);
  });
});
