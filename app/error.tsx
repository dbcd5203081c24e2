"use client";

import { FaultPage } from "@/components/fault-page";

/** Anything a page or a layout below the root throws. */
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return <FaultPage error={error} />;
}
