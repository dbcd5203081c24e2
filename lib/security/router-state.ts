/**
 * Next.js answers 500 when an RSC request (`RSC: 1`) for a path that ends in
 * its not-found page carries a `Next-Router-State-Tree` header it cannot
 * parse; a refusal in proxy.ts came too late to stop it. A browser running our
 * pages only ever sends the URI-encoded JSON array Next wrote, so the front
 * door (request-guard.ts) refuses anything else with a 400.
 */
export function malformedRouterState(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    if (Array.isArray(JSON.parse(decodeURIComponent(value)))) return null;
  } catch {
    // Falls through to the refusal below.
  }
  return "The Next-Router-State-Tree header is not valid.";
}
