"use client";

import { useEffect, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";

const subscribe = () => () => undefined;

/** How often the dev mailbox looks for new emails while its tab is in view. */
export const REFRESH_SECONDS = 3;

/**
 * Re-renders the page's server components every few seconds while the tab is
 * visible (and at once when it comes back into view), so a code appears
 * without reloading. Says so once JavaScript runs; without it the page's
 * Refresh link does the same by hand.
 */
export function AutoRefresh({ note }: { note: string }) {
  const router = useRouter();
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    const timer = setInterval(refresh, REFRESH_SECONDS * 1000);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [router]);
  return hydrated ? <span className="muted">{note}</span> : null;
}
