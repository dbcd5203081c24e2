import type { Locale } from "@/lib/mail/locale";
import { catalogues, type Messages } from "./catalogue";

/**
 * lib functions answer in English (their texts are also the JSON API's
 * messages). A form's state is put into the reader's language here: a text
 * that is one of the English catalogue's `errors.*` or `lib.*` messages
 * (with its {placeholders} matched as values) becomes the same key's
 * message in `locale`. Anything else stays as it is. A placeholder's value is
 * put into `locale` the same way when it is a known text itself (a connector's
 * answer inside "The test email was not sent…") or a list of known texts
 * ("a, b and c"); the `consoleLibParts` namespace holds words that only ever
 * appear inside another text (units, what a guard refused, the kind of address).
 */
type Pattern = { key: string; regex: RegExp; names: string[] };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function patternsOf(namespace: string, messages: Messages, flags = ""): Pattern[] {
  return Object.entries(messages).flatMap(([name, text]) => {
    if (typeof text !== "string") return [];
    const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const source = text.split(/\{\w+\}/).map(escape).join("(.+?)");
    return [{ key: `${namespace}.${name}`, regex: new RegExp(`^${source}$`, flags), names }];
  });
}

const english = catalogues.en;
const patterns = (["errors", "lib", "consoleLib", "accountLib", "orgsLib"] as const).flatMap((ns) => patternsOf(ns, english[ns] as Messages));
// Case-insensitive: a part may start a sentence ("The SMTP server") or sit inside one ("the SMTP server").
// First match wins, so a whole phrase ("the SMTP server name") comes before one with a placeholder ("the SMTP server {host}").
// Whole sentences before parts: "The SMTP server host x was not found…" is a sentence, not "the SMTP server {host}".
const valuePatterns = [...patterns, ...patternsOf("consoleLibParts", english.consoleLibParts as Messages, "i")];

function messageAt(locale: Locale, key: string): string | undefined {
  const [namespace = "", name = ""] = key.split(".");
  const value = (catalogues[locale][namespace] as Messages | undefined)?.[name];
  return typeof value === "string" ? value : undefined;
}

function translateWith(list: readonly Pattern[], locale: Locale, text: string): string {
  for (const { key, regex, names } of list) {
    const match = regex.exec(text);
    if (!match) continue;
    const target = messageAt(locale, key);
    if (target === undefined) return text;
    return names.reduce((out, name, i) => out.replace(`{${name}}`, translateValue(locale, match[i + 1]!, text.length)), target);
  }
  return text;
}

/** A placeholder's value: a known text or part, or a list of them joined as `locale` joins lists; else as it is. */
function translateValue(locale: Locale, value: string, outerLength: number): string {
  if (value.length >= outerLength) return value;
  const whole = translateWith(valuePatterns, locale, value);
  if (whole !== value) return whole;
  const items = value.split(/, | and /);
  if (items.length < 2) return value;
  const translated = items.map((item) => translateWith(valuePatterns, locale, item));
  if (translated.some((item, i) => item === items[i])) return value;
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(translated);
}

/** `text` in `locale` when the catalogue knows it; else `text` unchanged. */
export function translateText(locale: Locale, text: string): string {
  if (locale === "en") return text;
  return translateWith(patterns, locale, text);
}

type FormState = { status: string; formError?: string; message?: string; fieldErrors?: Partial<Record<string, string[]>> };

/** A form action's state with its texts in `locale` (values and other fields untouched). */
export function translateState<S>(locale: Locale, state: S): S {
  const s = state as FormState | null;
  if (locale === "en" || !s || typeof s !== "object") return state;
  const tr = (text: string | undefined) => (text === undefined ? undefined : translateText(locale, text));
  const fieldErrors = s.fieldErrors
    ? Object.fromEntries(Object.entries(s.fieldErrors).map(([field, list]) => [field, list?.map((t) => translateText(locale, t))]))
    : undefined;
  return {
    ...s,
    ...(s.formError !== undefined ? { formError: tr(s.formError) } : {}),
    ...(s.message !== undefined ? { message: tr(s.message) } : {}),
    ...(fieldErrors ? { fieldErrors } : {}),
  } as S;
}
