import { Resolver } from "node:dns/promises";

/**
 * DNS for the doctor: one resolver with short timeouts (a console page waits
 * on it) and, when DNS_SERVERS is set, those servers instead of the
 * system's. Answers are sorted into "records", "no records", "the name does
 * not exist" and "DNS could not be asked", because each reads differently
 * to the operator.
 */
export type RecordType = "TXT" | "MX" | "CNAME" | "A" | "AAAA";

export type Answer = { records: string[]; nxdomain: boolean };

/** DNS itself failed (not a missing record): `unreachable` (timeout, refused) or `servfail`. */
export class DnsProblem extends Error {
  override name = "DnsProblem";
  constructor(readonly kind: "unreachable" | "servfail", readonly code: string) {
    super(`DNS ${kind} (${code})`);
  }
}

/** mailauth's resolver contract: `dns.promises.resolve`'s signature. */
export type RawResolve = (name: string, type: string) => Promise<unknown>;

export type Dns = { lookup(name: string, type: RecordType): Promise<Answer>; raw: RawResolve };

const MISSING = new Set(["ENODATA", "ENOTFOUND", "ENONAME"]);
const SERVFAIL = new Set(["ESERVFAIL", "EREFUSED", "EBADRESP", "EFORMERR"]);

export function createDns(servers: readonly string[] = [], timeoutMs = 1500): Dns {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
  if (servers.length > 0) resolver.setServers([...servers]);
  // mailauth reads ENOTFOUND/ENODATA as "no record"; anything else becomes a DnsProblem the checks report.
  const raw: RawResolve = (name, type) =>
    resolver.resolve(name, type as "TXT").catch((error: NodeJS.ErrnoException) => {
      const code = error.code ?? "EUNKNOWN";
      throw MISSING.has(code) ? error : new DnsProblem(SERVFAIL.has(code) ? "servfail" : "unreachable", code);
    });
  return {
    raw,
    async lookup(name, type) {
      try {
        const answer = (await raw(name, type)) as unknown[];
        return { records: answer.map((r) => formatRecord(type, r)), nxdomain: false };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? "";
        if (MISSING.has(code)) return { records: [], nxdomain: code === "ENOTFOUND" };
        throw error;
      }
    },
  };
}

function formatRecord(type: RecordType, record: unknown): string {
  if (type === "TXT") return (record as string[]).join("");
  if (type === "MX") {
    const mx = record as { exchange: string; priority: number };
    return `${mx.priority} ${mx.exchange.toLowerCase()}`;
  }
  return String(record).toLowerCase();
}
