"use client";

import Link from "next/link";
import { DATABASE_UNAVAILABLE } from "@/lib/db-unavailable";
import { useBrand } from "./brand-context";
import { fillWord, useSharedWords } from "./shared-words";
import { StatusPage } from "./status-page";

/**
 * What app/error.tsx and app/global-error.tsx show, in the reader's language
 * (the shared `errorPage` words, handed to the client by the root layout,
 * or by global-error itself). In production the error's message is withheld from
 * the page; its digest is kept, and lib/db.ts gives a database outage a
 * digest of its own. "Try again" is a link to the same address, so it works
 * without JavaScript too. A client component has no metadata export: the
 * document title is rendered here (React hoists it).
 */
export function FaultPage({ error }: { error: Error & { digest?: string } }) {
  const { errorPage: t } = useSharedWords();
  const { productName } = useBrand();
  const database = error.digest === DATABASE_UNAVAILABLE;
  const title = database ? t.dbTitle : t.title;
  return (
    <StatusPage title={title}>
      <title>{`${title} · ${productName}`}</title>
      {database ? (
        <>
          <p>{t.dbBody}</p>
          <p className="muted">{t.dbNote}</p>
        </>
      ) : (
        <>
          <p>{t.body}</p>
          {error.digest ? <p className="muted">{fillWord(t.reference, { digest: error.digest })}</p> : null}
        </>
      )}
      <div className="links">
        <a href="">{t.tryAgain}</a>
        <Link href="/">{t.home}</Link>
      </div>
    </StatusPage>
  );
}
