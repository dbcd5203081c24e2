import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientIntl } from "@/components/client-intl";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Mailgate", template: "%s · Mailgate" } };

/**
 * `lang` follows the request's language (lib/i18n/resolve-locale.ts), so screen readers and fonts pick the right one.
 * The skip link is the first stop of the Tab key on every page; every layout's page content is `<main id="main">`.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("look")]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToMain")}
        </a>
        <ClientIntl>{children}</ClientIntl>
      </body>
    </html>
  );
}
