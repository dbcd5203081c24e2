import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE } from "@/lib/db-unavailable";
import en from "@/messages/en/forms.json";
import ja from "@/messages/ja/forms.json";
import { BrandProvider } from "./brand-context";
import { FaultPage } from "./fault-page";
import { SharedWordsProvider } from "./shared-words";

const brand = { productName: "Acme ID", logo: "/brand-assets/abc", style: { "--brand": "#0a7c42" } as React.CSSProperties };

/** The error page as app/error.tsx shows it: words from the root layout's shared words, the brand from its context. */
function render(locale: "en" | "ja", error: Error & { digest?: string }): string {
  const page = h(BrandProvider, { brand, children: h(FaultPage, { error }) });
  return renderToStaticMarkup(h(SharedWordsProvider, { words: locale === "en" ? en : ja, children: page }));
}

describe("the error page", () => {
  it("shows the brand, the words in the reader's language, the reference and a way home", () => {
    const html = render("ja", Object.assign(new Error("boom"), { digest: "1234567" }));
    expect(html).toContain("<h1>問題が発生しました</h1>");
    expect(html).toContain("<title>問題が発生しました · Acme ID</title>");
    expect(html).toContain("Acme ID");
    expect(html).toContain('src="/brand-assets/abc"');
    expect(html).toContain("参照番号: 1234567");
    expect(html).toMatch(/<a href="\/">ホーム<\/a>/);
    expect(html).not.toContain("boom");
  });

  it("tells a database outage apart, in English", () => {
    const html = render("en", Object.assign(new Error("down"), { digest: DATABASE_UNAVAILABLE }));
    expect(html).toContain("We couldn&#x27;t reach the database");
    expect(html).toContain("Try again");
    expect(html).not.toContain("Reference");
  });
});
