import type { Dns } from "./dns";
import type { DkimExpectation } from "./providers";
import type { CheckResult, DnsRecord } from "./types";

/**
 * DKIM keys under `<selector>._domainkey.<domain>`. A key delegated by CNAME
 * (SendGrid, SES) must point into the provider's zone; a TXT key must carry
 * a public key (`p=` not empty: an empty one means the key was revoked).
 */
export async function checkDkim(domain: string, expect: DkimExpectation, named: string[], dns: Dns, region?: string): Promise<CheckResult> {
  const selectors = named.length > 0 ? named : expect.selectors(region);
  const record = (s: string): DnsRecord => ({ name: `${s}._domainkey.${domain}`, type: expect.type, value: expect.value(s) });
  if (selectors.length === 0) {
    return { id: "dkim", status: "warn", message: expect.type === "CNAME" ? "dkimNeedTokens" : "dkimNeedSelector", found: [], add: [] };
  }

  const found: string[] = [];
  const missing: DnsRecord[] = [];
  const wrong: DnsRecord[] = [];
  for (const selector of selectors) {
    const name = `${selector}._domainkey.${domain}`;
    const answer = await dns.lookup(name, expect.type);
    const good = answer.records.filter((r) => (expect.type === "CNAME" ? r.replace(/\.$/, "").endsWith(expect.cnameSuffix ?? "") : /(^|;)\s*p=[A-Za-z0-9+/=]/.test(r)));
    found.push(...answer.records.map((r) => `${name} ${expect.type} ${r}`));
    if (good.length > 0) continue;
    (answer.records.length > 0 ? wrong : missing).push(record(selector));
  }

  const passed = selectors.length - missing.length - wrong.length;
  const ok = expect.need === "any" ? passed > 0 : passed === selectors.length;
  if (ok) return { id: "dkim", status: "pass", message: "dkimFound", values: { selectors: selectors.join(", ") }, found, add: [] };
  // Mailgun: one selector is enough; show the first as the one to add.
  const add = expect.need === "any" ? [...wrong, ...missing].slice(0, 1) : [...wrong, ...missing];
  return { id: "dkim", status: "fail", message: wrong.length > 0 ? "dkimWrong" : "dkimMissing", values: { selectors: selectors.join(", ") }, found, add };
}
