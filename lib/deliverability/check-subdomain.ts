import { getDomain } from "tldts";
import type { CheckResult } from "./types";

/**
 * Codes sent from the organizational domain share its reputation with
 * newsletters and campaigns: one complaint-heavy campaign can send sign-in
 * codes to spam. A subdomain only for authentication mail keeps its own.
 */
export function checkSubdomain(domain: string): CheckResult {
  const organizational = getDomain(domain);
  if (organizational && organizational !== domain) return { id: "subdomain", status: "pass", message: "subdomainUsed", values: { domain }, found: [], add: [] };
  return { id: "subdomain", status: "warn", message: "subdomainAdvised", values: { domain, suggestion: `auth.${domain}` }, found: [], add: [] };
}
