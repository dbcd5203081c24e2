"use client";

import "./globals.css";
import { useSyncExternalStore } from "react";
import { LazyFaultPage } from "@/components/lazy-fault-page";
import { SharedWordsProvider, type SharedWords } from "@/components/shared-words";
import en from "@/messages/en/forms.json";
import ja from "@/messages/ja/forms.json";

// The shared words live in their own small files: this component is in every page's bundle, and so is what it imports.
const WORDS = { en: { forms: en.forms, errorPage: en.errorPage }, ja: { forms: ja.forms, errorPage: ja.errorPage } } satisfies Record<string, SharedWords>;

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
        <SharedWordsProvider words={WORDS[locale]}>
          <LazyFaultPage error={error} />
        </SharedWordsProvider>
      </body>
    </html>
  );
}
