import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { BrandProvider } from "@/components/brand-context";
import { brandingOrDefault, siteBrandOf, siteMetadata } from "@/lib/branding/site-brand";
import "./globals.css";

/** The product's name in every tab title, and the favicon (lib/branding/site-brand.ts). */
export async function generateMetadata(): Promise<Metadata> {
  return siteMetadata(await brandingOrDefault());
}

/**
 * `lang` follows the request's language (lib/i18n/resolve-locale.ts), so
 * screen readers and fonts pick the right one. The error page is a client
 * component: it gets its words and the brand from here, and nothing else of
 * the catalogue goes to the browser.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages, branding] = await Promise.all([getLocale(), getMessages(), brandingOrDefault()]);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={{ errorPage: messages.errorPage }}>
          <BrandProvider brand={siteBrandOf(branding)}>{children}</BrandProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
