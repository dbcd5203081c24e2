import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Mailgate", template: "%s · Mailgate" } };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
