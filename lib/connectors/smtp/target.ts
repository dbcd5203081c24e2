import { isIP } from "node:net";
import { checkedAddresses } from "../net/guard";
import type { SmtpConfig } from "./schema";

/**
 * Where an SMTP connection goes, through the SSRF guard (net/guard.ts):
 * nodemailer resolves host names itself, so the name is resolved and checked
 * here and nodemailer is handed the checked address, with the configured name
 * as the TLS server name (SNI and the certificate check). Kept apart from
 * sending so a pooled transport can resolve once per pool.
 */
export type SmtpTarget = { address: string; servername?: string };

/** Milliseconds for the DNS answer, as nodemailer's own `dnsTimeout`. */
const DNS_TIMEOUT_MS = 10_000;

export async function resolveSmtpTarget(config: Pick<SmtpConfig, "host" | "allowPrivateTargets">): Promise<SmtpTarget> {
  const addresses = await checkedAddresses(config.host, {
    what: "the SMTP server",
    check: "the SMTP server name",
    allowPrivateTargets: config.allowPrivateTargets ?? false,
    timeoutMs: DNS_TIMEOUT_MS,
  });
  // IPv4 first, as nodemailer's own resolver does: many hosts publish an AAAA record the network cannot reach.
  const chosen = addresses.find((a) => a.family === 4) ?? addresses[0]!;
  return isIP(config.host) ? { address: chosen.address } : { address: chosen.address, servername: config.host };
}
