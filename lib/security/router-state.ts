import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state.js";

/**
 * Next.js answers 500 when an RSC request (`RSC: 1`) for a path that ends in
 * its not-found page carries a `Next-Router-State-Tree` header it cannot
 * parse; a refusal in proxy.ts came too late to stop it. The front door
 * (request-guard.ts) refuses such a header with a 400 first, judged by Next's
 * own parser and schema: a check of our own (first "is it a JSON array")
 * let through `[""]`, which Next still could not parse.
 */
export function malformedRouterState(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    parseAndValidateFlightRouterState(value);
    return null;
  } catch {
    return "The Next-Router-State-Tree header is not valid.";
  }
}
