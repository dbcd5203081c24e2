import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { FormsIntl } from "@/components/forms-intl";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Mailgate", template: "%s · Mailgate" } };

/** `lang` follows the request's language (lib/i18n/resolve-locale.ts), so screen readers and fonts pick the right one. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={await getLocale()}>
      <body>
        <FormsIntl>{children}</FormsIntl>
      </body>
    </html>
  );
}
