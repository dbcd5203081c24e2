"use client";

import { lazy, Suspense } from "react";

const FaultPage = lazy(() => import("./fault-page").then(({ FaultPage }) => ({ default: FaultPage })));

/**
 * The error page (./fault-page.tsx), fetched only when something fails: the
 * error boundaries (app/error.tsx, app/global-error.tsx) are in every page's
 * first load, their content need not be (issue 12's JavaScript budget).
 * Rendered on the server, it is in the HTML as usual.
 */
export function LazyFaultPage({ error }: { error: Error & { digest?: string } }) {
  return (
    <Suspense>
      <FaultPage error={error} />
    </Suspense>
  );
}
