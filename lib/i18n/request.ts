import { getRequestConfig } from "next-intl/server";
import { catalogues } from "./catalogue";
import { resolveLocale } from "./resolve-locale";

/** next-intl's per-request config (next.config.ts points its plugin here): no locale in the URL, our own resolver decides. */
export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: catalogues[locale] };
});
