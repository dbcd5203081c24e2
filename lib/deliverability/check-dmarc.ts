import getDmarcRecord from "mailauth/lib/dmarc/get-dmarc-record";
import { getDomain } from "tldts";
import type { Dns } from "./dns";
import type { CheckResult } from "./types";

/**
 * DMARC: the policy receivers apply to the From domain (its own `_dmarc`
 * record, else its organizational domain's, as mailauth looks it up), where
 * reports go, and whether the domains SPF and DKIM vouch for line up with
 * the From domain under the record's relaxed or strict alignment.
 */
export async function checkDmarc(domain: string, spfDomain: string, dkimDomain: string, dns: Dns): Promise<CheckResult> {
  const add = [{ name: `_dmarc.${domain}`, type: "TXT" as const, value: `v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@${domain}; adkim=r; aspf=r` }];
  const record = await getDmarcRecord(domain, dns.raw);
  if (!record) return { id: "dmarc", status: "fail", message: "dmarcMissing", found: [], add };

  const policy = String(record.p ?? "none").toLowerCase();
  const values = {
    policy,
    rua: typeof record.rua === "string" ? record.rua : "",
    spfAlign: aligned(domain, spfDomain, record.aspf) ? "yes" : "no",
    dkimAlign: aligned(domain, dkimDomain, record.adkim) ? "yes" : "no",
    mode: `aspf=${record.aspf === "s" ? "s" : "r"} adkim=${record.adkim === "s" ? "s" : "r"}`,
  };
  const found = [record.rr];
  if (values.spfAlign === "no" && values.dkimAlign === "no") return { id: "dmarc", status: "fail", message: "dmarcUnaligned", values, found, add };
  if (policy === "none") return { id: "dmarc", status: "warn", message: "dmarcMonitorOnly", values, found, add };
  if (!values.rua) return { id: "dmarc", status: "warn", message: "dmarcNoReports", values, found, add };
  return { id: "dmarc", status: "pass", message: "dmarcEnforced", values, found, add: [] };
}

/** Strict: the same name. Relaxed (the default): the same organizational domain. */
function aligned(from: string, other: string, mode: unknown): boolean {
  if (from === other) return true;
  return mode !== "s" && getDomain(from) === getDomain(other);
}
