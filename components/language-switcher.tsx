import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { switchLanguageAction } from "@/app/language-actions";
import { PATH_HEADER } from "@/lib/i18n/path-header";
import { LOCALES } from "@/lib/mail/locale";

/** Each language named in itself, so someone who cannot read the current one still finds theirs. */
const NAMES: Record<(typeof LOCALES)[number], string> = { en: "English", ja: "日本語" };

/**
 * One submit button per language in a plain form (a server action that sets
 * the choice and comes back to this page): works without JavaScript.
 */
export async function LanguageSwitcher() {
  const [t, current, head] = await Promise.all([getTranslations("switcher"), getLocale(), headers()]);
  return (
    <form action={switchLanguageAction} className="language-switcher" aria-label={t("label")}>
      <input type="hidden" name="path" value={head.get(PATH_HEADER) ?? "/"} />
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          className="link-button"
          aria-pressed={locale === current}
          disabled={locale === current}
        >
          {NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
