/**
 * What each email provider needs in the sender's DNS, in one table. Sources,
 * read when this was written:
 * - SendGrid: https://www.twilio.com/docs/sendgrid/ui/account-and-settings/how-to-set-up-domain-authentication
 *   (s1/s2._domainkey CNAMEs to *.sendgrid.net; automated security off: include:sendgrid.net)
 * - Mailgun: https://documentation.mailgun.com/docs/mailgun/user-manual/domains/domains-verify
 *   (include:mailgun.org; a TXT key under a selector Mailgun picks: pic, k1, mx, smtp, mailo…)
 * - Amazon SES: https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-easy.html and
 *   .../mail-from.html (three <token>._domainkey CNAMEs to <token>.dkim.amazonses.com; include:amazonses.com
 *   on the custom MAIL FROM domain)
 * - Postmark: https://postmarkapp.com/support/article/910-adding-a-custom-return-path-domain
 *   (pm-bounces CNAME pm.mtasv.net; DKIM TXT at <date>pm._domainkey; include:spf.mtasv.net optional)
 * - Resend: https://resend.com/docs/dashboard/domains/introduction (send.<domain>: MX
 *   feedback-smtp.<region>.amazonses.com and include:amazonses.com; TXT at resend._domainkey)
 * - Aliyun DirectMail: https://www.alibabacloud.com/help/en/direct-mail/what-is-dkim-and-how-to-configure-dkim-records
 *   (include:spf1.dm.aliyun.com; TXT at aliyun-<region>._domainkey)
 */
export type SpfExpectation =
  /** The provider's servers, named by an include (on `at`: the From domain or its subdomain). */
  | { kind: "include"; include: string; at?: string; optional?: boolean }
  /** The configured SMTP relay's own addresses. */
  | { kind: "smtpHost" }
  /** Unknown sender (an HTTP endpoint): only that an SPF record exists. */
  | { kind: "any" };

export type DkimExpectation = {
  /** Tried when the operator names none; empty: the operator must name them (the provider shows them). */
  selectors: (region?: string) => string[];
  /** Every selector must be published (SendGrid, SES) or any one of them (Mailgun). */
  need: "all" | "any";
  type: "CNAME" | "TXT";
  /** For a CNAME: the target it must point into. */
  cnameSuffix?: string;
  /** What to publish under `<selector>._domainkey`. */
  value: (selector: string) => string;
};

export type ProviderExpectation = {
  spf: SpfExpectation;
  dkim: DkimExpectation;
  /** Postmark's bounce domain: a CNAME that makes SPF align with the From domain. */
  returnPath?: { at: string; target: string };
  /** Resend's bounce domain needs an MX into SES's feedback servers. */
  bounceMx?: { at: string; suffix: string; value: string };
};

const TXT_KEY = "v=DKIM1; k=rsa; p=<public key your provider shows>";

const operatorTxt: DkimExpectation = { selectors: () => [], need: "all", type: "TXT", value: () => TXT_KEY };

export const PROVIDERS: Record<string, ProviderExpectation> = {
  smtp: { spf: { kind: "smtpHost" }, dkim: operatorTxt },
  http: { spf: { kind: "any" }, dkim: operatorTxt },
  sendgrid: {
    spf: { kind: "include", include: "sendgrid.net" },
    dkim: { selectors: () => ["s1", "s2"], need: "all", type: "CNAME", cnameSuffix: ".sendgrid.net", value: (s) => `${s}.domainkey.u0000000.wl000.sendgrid.net` },
  },
  mailgun: {
    spf: { kind: "include", include: "mailgun.org" },
    dkim: { selectors: () => ["pic", "k1", "mx", "smtp", "mailo"], need: "any", type: "TXT", value: () => TXT_KEY },
  },
  ses: {
    spf: { kind: "include", include: "amazonses.com" },
    dkim: { selectors: () => [], need: "all", type: "CNAME", cnameSuffix: ".dkim.amazonses.com", value: (token) => `${token}.dkim.amazonses.com` },
  },
  postmark: {
    spf: { kind: "include", include: "spf.mtasv.net", optional: true },
    dkim: operatorTxt,
    returnPath: { at: "pm-bounces", target: "pm.mtasv.net" },
  },
  resend: {
    spf: { kind: "include", include: "amazonses.com", at: "send" },
    dkim: { selectors: () => ["resend"], need: "all", type: "TXT", value: () => TXT_KEY },
    bounceMx: { at: "send", suffix: ".amazonses.com", value: "10 feedback-smtp.us-east-1.amazonses.com" },
  },
  aliyun: {
    spf: { kind: "include", include: "spf1.dm.aliyun.com" },
    dkim: { selectors: (region) => [`aliyun-${region ?? "cn-hangzhou"}`], need: "all", type: "TXT", value: () => TXT_KEY },
  },
};

/** The name a record lives at: the domain itself, or a label under it. */
export const under = (domain: string, label?: string) => (label ? `${label}.${domain}` : domain);
