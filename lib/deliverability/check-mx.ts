import type { Dns } from "./dns";
import type { CheckResult } from "./types";

/**
 * MX of the From domain: replies and bounces come back to it, and many
 * receivers turn away mail from a domain that could not receive any.
 */
export async function checkMx(domain: string, dns: Dns): Promise<CheckResult> {
  const answer = await dns.lookup(domain, "MX");
  if (answer.nxdomain) return { id: "mx", status: "fail", message: "domainMissing", values: { domain }, found: [], add: [] };
  if (answer.records.length === 0) {
    return { id: "mx", status: "warn", message: "mxMissing", values: { domain }, found: [], add: [{ name: domain, type: "MX", value: "10 <your mail server>" }] };
  }
  return { id: "mx", status: "pass", message: "mxFound", values: { domain }, found: answer.records, add: [] };
}

/** Resend's bounce domain: an MX into Amazon SES's feedback servers. */
export async function checkBounceMx(name: string, suffix: string, value: string, dns: Dns): Promise<CheckResult> {
  const answer = await dns.lookup(name, "MX");
  const ok = answer.records.some((r) => r.replace(/\.$/, "").endsWith(suffix));
  if (ok) return { id: "bounceMx", status: "pass", message: "bounceMxFound", values: { name }, found: answer.records, add: [] };
  return { id: "bounceMx", status: "fail", message: "bounceMxMissing", values: { name }, found: answer.records, add: [{ name, type: "MX", value }] };
}
