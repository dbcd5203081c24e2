/**
 * Next.js answers 500 when an RSC request (`RSC: 1`) for a path that ends in
 * its not-found page carries a `Next-Router-State-Tree` header it cannot
 * parse. A browser running our pages only ever sends the URI-encoded JSON
 * array Next wrote, so anything else is refused up front with a 400.
 */
export function malformedRouterState(headers: Headers): string | null {
  const value = headers.get("next-router-state-tree");
  if (value === null) return null;
  try {
    if (Array.isArray(JSON.parse(decodeURIComponent(value)))) return null;
  } catch {
    // Falls through to the refusal below.
  }
  return "The Next-Router-State-Tree header is not valid.";
}
