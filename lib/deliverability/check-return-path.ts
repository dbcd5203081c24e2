import type { Dns } from "./dns";
import type { CheckResult } from "./types";

/**
 * Postmark's custom Return-Path: a CNAME that puts the bounce address under
 * the From domain, so SPF (checked on that address) aligns for DMARC.
 * Optional (DKIM alone can satisfy DMARC), hence a warning when absent.
 */
export async function checkReturnPath(name: string, target: string, dns: Dns): Promise<CheckResult> {
  const answer = await dns.lookup(name, "CNAME");
  const ok = answer.records.some((r) => r.replace(/\.$/, "") === target);
  if (ok) return { id: "returnPath", status: "pass", message: "returnPathFound", values: { name }, found: answer.records, add: [] };
  return { id: "returnPath", status: "warn", message: "returnPathMissing", values: { name }, found: answer.records, add: [{ name, type: "CNAME", value: target }] };
}
