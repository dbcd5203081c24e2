"use client";

import "./globals.css";
import { useSyncExternalStore } from "react";
import { NextIntlClientProvider } from "next-intl";
import { FaultPage } from "@/components/fault-page";
import en from "@/messages/en/site.json";
import ja from "@/messages/ja/site.json";

const WORDS = { en: { errorPage: en.errorPage }, ja: { errorPage: ja.errorPage } } as const;

/** The browser's first language we write; English on the server, which has no request to go by here. */
const browserLocale = (): keyof typeof WORDS => (navigator.languages.find((tag) => /^(en|ja)\b/i.test(tag))?.slice(0, 2).toLowerCase() === "ja" ? "ja" : "en");
const subscribe = () => () => undefined;

/**
 * The root layout itself failed: this replaces it, so it brings the document
 * and its own words (nothing the layout would have read is there). The brand
 * is the default one.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const locale = useSyncExternalStore(subscribe, browserLocale, () => "en" as const);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider locale={locale} messages={WORDS[locale]} timeZone="UTC">
          <FaultPage error={error} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
