import { en } from "./en";
import { ja } from "./ja";
import type { Copy } from "./types";

export type { Copy, CodeCopy, NoticeCopy, Vars } from "./types";

/**
 * Every language the emails speak. To add one, write a `Copy` file next to
 * en.ts and list it here; `Locale` and `pickLocale` follow automatically.
 */
export const dictionaries = { en, ja } satisfies Record<string, Copy>;

export type Locale = keyof typeof dictionaries;

export const LOCALES = Object.keys(dictionaries) as Locale[];

export const DEFAULT_LOCALE: Locale = "en";

export const isLocale = (value: string): value is Locale => Object.hasOwn(dictionaries, value);

export const copyFor = (locale: Locale): Copy => dictionaries[locale];
