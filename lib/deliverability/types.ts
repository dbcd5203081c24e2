/** How one check came out: pass, worth a look (warn), or mail will suffer (fail). */
export type CheckStatus = "pass" | "warn" | "fail";

/** A record as an operator types it into their DNS host. */
export type DnsRecord = { name: string; type: "TXT" | "CNAME" | "MX"; value: string };

export type CheckId = "mx" | "spf" | "dkim" | "dmarc" | "returnPath" | "bounceMx" | "mtaSts" | "subdomain";

/**
 * One check's verdict. `message` is a key under `deliverability.messages`
 * (the page translates it with `values`); `found` is what DNS answered,
 * verbatim; `add` is what to publish to make the check pass.
 */
export type CheckResult = {
  id: CheckId;
  status: CheckStatus;
  message: string;
  values?: Record<string, string>;
  found: string[];
  add: DnsRecord[];
};

/** Everything the doctor needs to know about the sender. */
export type SenderTarget = {
  /** The connector id (registry key) that sends. */
  provider: string;
  /** The From address's domain, lower case. */
  domain: string;
  /** DKIM selectors (or SES tokens) the operator named; empty: the provider's usual ones. */
  selectors: string[];
  /** For SMTP: the relay's host name or address, whose addresses SPF must allow. */
  smtpHost?: string;
  /** Aliyun DirectMail's region (its DKIM selector names it). */
  region?: string;
};

export type Report = {
  target: SenderTarget;
  checkedAt: Date;
  /** False when no DNS server answered at all: every check says so. */
  reachable: boolean;
  checks: CheckResult[];
};
