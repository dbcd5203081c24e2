"use client";

import { LazyFaultPage } from "@/components/lazy-fault-page";

/** Anything a page or a layout below the root throws. */
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return <LazyFaultPage error={error} />;
}
