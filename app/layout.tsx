import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BrandProvider } from "@/components/brand-context";
import { SharedWordsOfRequest } from "@/components/shared-words-of-request";
import { brandingOrDefault, siteBrandOf, siteMetadata } from "@/lib/branding/site-brand";
import "./globals.css";

/** The product's name in every tab title, and the favicon (lib/branding/site-brand.ts). */
export async function generateMetadata(): Promise<Metadata> {
  return siteMetadata(await brandingOrDefault());
}

/**
 * `lang` follows the request's language (lib/i18n/resolve-locale.ts), so
 * screen readers and fonts pick the right one. The skip link is the first
 * stop of the Tab key on every page; every layout's page content is
 * `<main id="main">`. The error page is a client component: it gets its
 * words (the shared words, components/shared-words.tsx) and the brand
 * from here.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t, branding] = await Promise.all([getLocale(), getTranslations("look"), brandingOrDefault()]);
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToMain")}
        </a>
        <SharedWordsOfRequest>
          <BrandProvider brand={siteBrandOf(branding)}>{children}</BrandProvider>
        </SharedWordsOfRequest>
      </body>
    </html>
  );
}
