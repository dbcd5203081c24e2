import type { Dns } from "./dns";
import type { CheckResult } from "./types";

/**
 * MTA-STS (optional): asks senders to the domain to use verified TLS. It
 * protects mail coming in (replies), so its absence is only a warning.
 */
export async function checkMtaSts(domain: string, dns: Dns): Promise<CheckResult> {
  const name = `_mta-sts.${domain}`;
  const records = (await dns.lookup(name, "TXT")).records.filter((r) => /^v=STSv1\s*;/i.test(r));
  if (records.length === 1) return { id: "mtaSts", status: "pass", message: "mtaStsFound", found: records, add: [] };
  return { id: "mtaSts", status: "warn", message: "mtaStsMissing", found: records, add: [{ name, type: "TXT", value: "v=STSv1; id=20260101000000" }] };
}
