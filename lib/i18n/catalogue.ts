import enAuth from "@/messages/en/auth.json";
import enAccount from "@/messages/en/account.json";
import enOrgs from "@/messages/en/orgs.json";
import enConsole from "@/messages/en/console.json";
import enSite from "@/messages/en/site.json";
import enForms from "@/messages/en/forms.json";
import enNotices from "@/messages/en/notices.json";
import enDeliverability from "@/messages/en/deliverability.json";
import jaAuth from "@/messages/ja/auth.json";
import jaAccount from "@/messages/ja/account.json";
import jaOrgs from "@/messages/ja/orgs.json";
import jaConsole from "@/messages/ja/console.json";
import jaSite from "@/messages/ja/site.json";
import jaForms from "@/messages/ja/forms.json";
import jaNotices from "@/messages/ja/notices.json";
import jaDeliverability from "@/messages/ja/deliverability.json";
import { ERROR_CODES, userText } from "@/lib/errors/codes";
import type { Locale } from "@/lib/mail/locale";

/** A catalogue: namespaces of keys, nested objects ending in message strings (next-intl's format). */
export type Messages = { [key: string]: string | Messages };

/**
 * One catalogue per language. English error words stay in their one table
 * (lib/errors/codes.ts) and join the English catalogue here as `errors.*`;
 * messages/ja/auth.json carries the Japanese column of that table.
 *
 * Each language is split by area (messages/<locale>/<area>.json), each file
 * holding its own top-level namespaces, so a change to one area's words does
 * not touch another's file.
 */
export const catalogues: Record<Locale, Messages> = {
  en: { ...enAuth, ...enAccount, ...enOrgs, ...enConsole, ...enSite, ...enForms, ...enNotices, ...enDeliverability, errors: Object.fromEntries(ERROR_CODES.map((code) => [code, userText(code)])) },
  ja: { ...jaAuth, ...jaAccount, ...jaOrgs, ...jaConsole, ...jaSite, ...jaForms, ...jaNotices, ...jaDeliverability },
};
