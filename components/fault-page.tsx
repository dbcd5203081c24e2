"use client";

import Link from "next/link";
import { DATABASE_UNAVAILABLE } from "@/lib/db-unavailable";
import { userText } from "@/lib/errors/codes";
import { StatusPage } from "./status-page";

/**
 * What app/error.tsx and app/global-error.tsx show. In production the
 * error's message is withheld from the page; its digest is kept, and lib/db.ts
 * gives a database outage a digest of its own. "Try again" is a link to the
 * same address, so it works without JavaScript too. A client component
 * has no metadata export: the document title is rendered here (React hoists it).
 */
export function FaultPage({ error }: { error: Error & { digest?: string } }) {
  if (error.digest === DATABASE_UNAVAILABLE) {
    return (
      <StatusPage title="We couldn't reach the database">
        <title>We couldn&apos;t reach the database · Mailgate</title>
        <p>{userText(DATABASE_UNAVAILABLE)}</p>
        <p className="muted">Nothing you entered was lost; this is on our side and usually passes within seconds.</p>
        <TryAgain />
      </StatusPage>
    );
  }
  return (
    <StatusPage title="Something went wrong">
      <title>Something went wrong · Mailgate</title>
      <p>{userText("internal_error")} If it keeps happening, tell the people who run this site.</p>
      {error.digest ? <p className="muted">Reference: {error.digest}</p> : null}
      <TryAgain />
    </StatusPage>
  );
}

function TryAgain() {
  return (
    <div className="links">
      <a href="">Try again</a>
      <Link href="/">Home</Link>
    </div>
  );
}
