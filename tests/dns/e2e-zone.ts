import type { Zone } from "./zone-server";

/**
 * The console instance sends over SMTP to 127.0.0.1 from mailgate.test
 * (EMAIL_FROM in e2e/instance-env.ts), and from console.test once
 * console-connectors.spec.ts has saved its connector. Both domains get the
 * same records: an SPF record that does NOT allow 127.0.0.1 (the failure
 * the spec expects, with its record to add), a DKIM key under `mail`, an
 * enforced DMARC policy, and no MTA-STS.
 */
export const E2E_DKIM_SELECTOR = "mail";
export const E2E_SPF = "v=spf1 ip4:203.0.113.9 -all";

const KEY = `v=DKIM1; k=rsa; p=${"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".repeat(8)}`;

const sender = (domain: string): Zone => ({
  [domain]: { MX: ["10 mx.mailgate.test"], TXT: [E2E_SPF] },
  [`${E2E_DKIM_SELECTOR}._domainkey.${domain}`]: { TXT: [KEY] },
  [`_dmarc.${domain}`]: { TXT: [`v=DMARC1; p=quarantine; rua=mailto:dmarc@${domain}`] },
});

export const E2E_SENDER_ZONE: Zone = { ...sender("mailgate.test"), ...sender("console.test"), "mx.mailgate.test": { A: ["127.0.0.1"] } };
