import { describe, expect, it } from "vitest";
import { EMAIL_KINDS } from "@/emails/kinds";
import { LOCALES } from "@/lib/mail/locale";
import { catalogues, type Messages } from "./catalogue";

describe("email kinds in words", () => {
  for (const locale of LOCALES) {
    const words = catalogues[locale].emailKinds as Messages;

    it(`names every email kind in ${locale}, each differently`, () => {
      expect(EMAIL_KINDS.filter((kind) => typeof words[kind] !== "string")).toEqual([]);
      const labels = EMAIL_KINDS.map((kind) => words[kind]);
      expect(labels.filter((label, i) => labels.indexOf(label) !== i)).toEqual([]);
    });

    it(`never shows an internal name in ${locale}`, () => {
      expect(EMAIL_KINDS.filter((kind) => words[kind] === kind || /[a-z][A-Z]/.test(String(words[kind])))).toEqual([]);
    });
  }
});
