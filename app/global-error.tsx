"use client";

import "./globals.css";
import { FaultPage } from "@/components/fault-page";

/** The root layout itself failed: this replaces it, so it brings the document. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body>
        <FaultPage error={error} />
      </body>
    </html>
  );
}
