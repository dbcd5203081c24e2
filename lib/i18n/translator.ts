// use-intl/core, not next-intl: next-intl's entry loads React hooks, which the worker and second instances (react-server condition) cannot import.
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/mail/locale";
import { catalogues } from "./catalogue";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A namespace's messages in `locale`, outside a request (lib code that is
 * also called by the JSON API, which answers in English): next-intl's own
 * formatter, so plurals and placeholders work as on the pages.
 */
export function translator(locale: Locale, namespace: string): Translate {
  // The catalogues are not typed key by key, so next-intl cannot check keys here: the catalogue tests and the pages do.
  return createTranslator({ locale, messages: catalogues[locale], namespace }) as unknown as Translate;
}
