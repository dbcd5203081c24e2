import { isIP } from "node:net";
import { spf } from "mailauth/lib/spf";
import type { Dns, RawResolve } from "./dns";
import { DnsProblem } from "./dns";
import { under, type SpfExpectation } from "./providers";
import type { CheckResult, DnsRecord } from "./types";

/**
 * Stands in for the provider's sending servers (TEST-NET-1, RFC 5737). The
 * record is evaluated by mailauth as a receiver would, with the provider's
 * include answered as "this address": a pass means the domain's SPF reaches
 * that include through any chain of includes and redirects, within the
 * 10-lookup limit.
 */
const PROVIDER_IP = "192.0.2.1";

const isSpf = (txt: string) => /^v=spf1(\s|$)/i.test(txt);

export async function checkSpf(domain: string, expect: SpfExpectation, dns: Dns, smtpHost?: string): Promise<CheckResult> {
  const name = under(domain, expect.kind === "include" ? expect.at : undefined);
  const records = (await dns.lookup(name, "TXT")).records.filter(isSpf);
  const allow = expect.kind === "include" ? `include:${expect.include}` : expect.kind === "smtpHost" ? await hostMechanisms(smtpHost, dns) : "a mx";
  const wanted = (base?: string): DnsRecord => ({ name, type: "TXT", value: base ? addMechanism(base, allow) : `v=spf1 ${allow} ~all` });
  const missStatus = expect.kind === "include" && expect.optional ? "warn" : "fail";

  if (records.length === 0) return { id: "spf", status: missStatus, message: "spfMissing", values: { name }, found: [], add: [wanted()] };
  if (records.length > 1) return { id: "spf", status: "fail", message: "spfSeveral", values: { name }, found: records, add: [wanted(records[0])] };
  const record = records[0]!;
  if (expect.kind === "any") return { id: "spf", status: "pass", message: "spfPresent", values: { name }, found: records, add: [] };

  const ips = expect.kind === "include" ? [PROVIDER_IP] : await hostAddresses(smtpHost, dns);
  // A relay whose name does not resolve: nothing to evaluate the record against.
  if (ips.length === 0) return { id: "spf", status: "warn", message: "spfPresent", values: { name }, found: records, add: [] };
  const resolve: RawResolve =
    expect.kind === "include"
      ? (n, type) => (type === "TXT" && n.toLowerCase() === expect.include ? Promise.resolve([[`v=spf1 ip4:${PROVIDER_IP} -all`]]) : dns.raw(n, type))
      : dns.raw;
  for (const ip of ips) {
    const result = await spf({ sender: `postmaster@${name}`, ip, helo: name, mta: "mailgate.invalid", resolver: resolve });
    const verdict = result.status.result;
    if (verdict === "temperror") throw new DnsProblem("unreachable", "ETEMPERROR");
    if (verdict === "permerror") return { id: "spf", status: "fail", message: "spfBroken", values: { name, detail: String(result.status.comment ?? "") }, found: [record], add: [] };
    if (verdict !== "pass") return { id: "spf", status: missStatus, message: "spfNotAuthorised", values: { name, allow }, found: [record], add: [wanted(record)] };
  }
  return { id: "spf", status: "pass", message: "spfAuthorised", values: { name, allow }, found: [record], add: [] };
}

/** The existing record with the mechanism added before its `all` (or at the end). */
function addMechanism(record: string, mechanism: string): string {
  const terms = record.trim().split(/\s+/);
  const all = terms.findIndex((t) => /^[-~?+]?all$/i.test(t) || /^redirect=/i.test(t));
  terms.splice(all === -1 ? terms.length : all, 0, mechanism);
  return all === -1 ? `${terms.join(" ")} ~all` : terms.join(" ");
}

async function hostAddresses(host: string | undefined, dns: Dns): Promise<string[]> {
  if (!host) return [];
  if (isIP(host)) return [host];
  const [v4, v6] = await Promise.all([dns.lookup(host, "A"), dns.lookup(host, "AAAA")]);
  return [...v4.records, ...v6.records];
}

async function hostMechanisms(host: string | undefined, dns: Dns): Promise<string> {
  const ips = await hostAddresses(host, dns);
  if (ips.length === 0) return host ? `a:${host}` : "a mx";
  return ips.map((ip) => (isIP(ip) === 6 ? `ip6:${ip}` : `ip4:${ip}`)).join(" ");
}
