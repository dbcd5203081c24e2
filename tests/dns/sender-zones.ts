import type { Zone } from "./zone-server";

/**
 * Sender domains for the doctor's tests: for each provider one domain set
 * up as its documentation says (`<provider>.good.test`), plus domains with
 * records missing, wrong, or a DNS server failing.
 */
const KEY = `v=DKIM1; k=rsa; p=${"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".repeat(8)}`;
const dmarc = (domain: string, policy = "reject") => ({ [`_dmarc.${domain}`]: { TXT: [`v=DMARC1; p=${policy}; rua=mailto:dmarc@${domain}`] } });
const base = (domain: string, spf: string) => ({ [domain]: { MX: ["10 mx.example.net"], TXT: [spf, "google-site-verification=abc"] }, ...dmarc(domain) });

export const GOOD: Record<string, Zone> = {
  sendgrid: {
    ...base("sendgrid.good.test", "v=spf1 include:sendgrid.net ~all"),
    "s1._domainkey.sendgrid.good.test": { CNAME: "s1.domainkey.u123.wl45.sendgrid.net" },
    "s2._domainkey.sendgrid.good.test": { CNAME: "s2.domainkey.u123.wl45.sendgrid.net" },
  },
  mailgun: { ...base("mailgun.good.test", "v=spf1 include:mailgun.org ~all"), "k1._domainkey.mailgun.good.test": { TXT: [KEY] } },
  ses: {
    ...base("ses.good.test", "v=spf1 include:amazonses.com -all"),
    ...Object.fromEntries(["tok1", "tok2", "tok3"].map((t) => [`${t}._domainkey.ses.good.test`, { CNAME: `${t}.dkim.amazonses.com` }])),
  },
  postmark: {
    ...base("postmark.good.test", "v=spf1 include:spf.mtasv.net ~all"),
    "20260101pm._domainkey.postmark.good.test": { TXT: [KEY] },
    "pm-bounces.postmark.good.test": { CNAME: "pm.mtasv.net" },
  },
  resend: {
    ...base("resend.good.test", "v=spf1 -all"),
    "send.resend.good.test": { MX: ["10 feedback-smtp.eu-west-1.amazonses.com"], TXT: ["v=spf1 include:amazonses.com ~all"] },
    "resend._domainkey.resend.good.test": { TXT: [KEY] },
  },
  aliyun: { ...base("aliyun.good.test", "v=spf1 include:spf1.dm.aliyun.com -all"), "aliyun-ap-southeast-1._domainkey.aliyun.good.test": { TXT: [KEY] } },
  smtp: {
    // SPF reaches the relay's address through an include, the way a mail host's own record is usually shared.
    ...base("smtp.good.test", "v=spf1 include:_spf.relay.test -all"),
    "_spf.relay.test": { TXT: ["v=spf1 ip4:198.51.100.0/24 -all"] },
    "relay.test": { A: ["198.51.100.7"] },
    "mail._domainkey.smtp.good.test": { TXT: [KEY] },
  },
};

/** The selectors (or SES tokens) the operator would give for each good domain. */
export const SELECTORS: Record<string, string[]> = { ses: ["tok1", "tok2", "tok3"], postmark: ["20260101pm"], smtp: ["mail"] };

export const BAD: Zone = {
  // Organizational domain, nothing but an address record.
  "bare.test": { A: ["203.0.113.5"] },
  // Set up for another provider, with a monitoring-only DMARC policy.
  "auth.wrong.test": { MX: ["10 mx.example.net"], TXT: ["v=spf1 include:mailgun.org -all"] },
  "s1._domainkey.auth.wrong.test": { CNAME: "s1.domainkey.mailgun.org" },
  "_dmarc.wrong.test": { TXT: ["v=DMARC1; p=none; aspf=s; adkim=s"] },
  // The other provider's own SPF record (an include of a name without one is a permanent error).
  "mailgun.org": { TXT: ["v=spf1 ip4:203.0.113.0/24 -all"] },
  // Two SPF records: receivers treat it as an error.
  "auth.twice.test": { MX: ["10 mx.example.net"], TXT: ["v=spf1 include:sendgrid.net ~all", "v=spf1 include:mailgun.org ~all"] },
  // A name server failing for one name.
  "_dmarc.auth.broken.test": { servfail: true },
  "auth.broken.test": { MX: ["10 mx.example.net"], TXT: ["v=spf1 include:sendgrid.net ~all"] },
};

export const ZONE: Zone = Object.assign({}, ...Object.values(GOOD), BAD);
