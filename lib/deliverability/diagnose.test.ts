import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOOD, SELECTORS, ZONE } from "@/tests/dns/sender-zones";
import { startZoneServer } from "@/tests/dns/zone-server";
import { createDns, type Dns } from "./dns";
import { diagnose } from "./diagnose";
import type { CheckResult, Report, SenderTarget } from "./types";

let server: Awaited<ReturnType<typeof startZoneServer>>;
let dns: Dns;
beforeAll(async () => {
  server = await startZoneServer(ZONE);
  dns = createDns([server.address]);
});
afterAll(() => server.close());

const run = (target: Partial<SenderTarget> & Pick<SenderTarget, "provider" | "domain">) => diagnose({ selectors: [], ...target }, dns);
const check = (report: Report, id: CheckResult["id"]) => report.checks.find((c) => c.id === id)!;

describe("every provider's documented records pass", () => {
  for (const provider of Object.keys(GOOD)) {
    it(provider, async () => {
      const report = await run({
        provider,
        domain: `${provider}.good.test`,
        selectors: SELECTORS[provider] ?? [],
        smtpHost: "relay.test",
        region: "ap-southeast-1",
      });
      const notPassing = report.checks.filter((c) => c.status !== "pass" && c.id !== "mtaSts").map((c) => `${c.id}: ${c.message}`);
      expect(notPassing).toEqual([]);
      expect(report.reachable).toBe(true);
    });
  }
});

describe("misconfigurations come with the record to add", () => {
  it("a bare organizational domain: SPF, DKIM, DMARC to add, and a subdomain advised", async () => {
    const report = await run({ provider: "sendgrid", domain: "bare.test" });
    expect(check(report, "mx")).toMatchObject({ status: "warn", message: "mxMissing" });
    expect(check(report, "spf")).toMatchObject({ status: "fail", message: "spfMissing", add: [{ name: "bare.test", type: "TXT", value: "v=spf1 include:sendgrid.net ~all" }] });
    expect(check(report, "dkim")).toMatchObject({ status: "fail", message: "dkimMissing" });
    expect(check(report, "dkim").add.map((r) => `${r.name} ${r.type}`)).toEqual(["s1._domainkey.bare.test CNAME", "s2._domainkey.bare.test CNAME"]);
    expect(check(report, "dmarc")).toMatchObject({ status: "fail", message: "dmarcMissing", add: [{ name: "_dmarc.bare.test", type: "TXT" }] });
    expect(check(report, "subdomain")).toMatchObject({ status: "warn", values: { suggestion: "auth.bare.test" } });
  });

  it("records for another provider: the include is added to the existing record, the wrong DKIM target named", async () => {
    const report = await run({ provider: "sendgrid", domain: "auth.wrong.test" });
    expect(check(report, "spf")).toMatchObject({
      status: "fail",
      message: "spfNotAuthorised",
      found: ["v=spf1 include:mailgun.org -all"],
      add: [{ name: "auth.wrong.test", type: "TXT", value: "v=spf1 include:mailgun.org include:sendgrid.net -all" }],
    });
    expect(check(report, "dkim")).toMatchObject({ status: "fail", message: "dkimWrong" });
    expect(check(report, "dkim").found).toEqual(["s1._domainkey.auth.wrong.test CNAME s1.domainkey.mailgun.org"]);
    // The organizational domain's policy applies; p=none only monitors.
    expect(check(report, "dmarc")).toMatchObject({ status: "warn", message: "dmarcMonitorOnly", values: { policy: "none", spfAlign: "yes", dkimAlign: "yes" } });
    expect(check(report, "subdomain").status).toBe("pass");
    // Strict SPF alignment (aspf=s): Resend's bounce domain send.auth.wrong.test is not the From domain.
    const resend = await run({ provider: "resend", domain: "auth.wrong.test" });
    expect(check(resend, "dmarc").values).toMatchObject({ spfAlign: "no", dkimAlign: "yes", mode: "aspf=s adkim=s" });
  });

  it("Resend without its send subdomain: the MX and SPF there are what to add", async () => {
    const report = await run({ provider: "resend", domain: "bare.test" });
    expect(check(report, "bounceMx").add).toEqual([{ name: "send.bare.test", type: "MX", value: "10 feedback-smtp.us-east-1.amazonses.com" }]);
    expect(check(report, "spf").add).toEqual([{ name: "send.bare.test", type: "TXT", value: "v=spf1 include:amazonses.com ~all" }]);
    expect(check(report, "dkim").add).toEqual([expect.objectContaining({ name: "resend._domainkey.bare.test", type: "TXT" })]);
  });

  it("Postmark without a Return-Path, SES without tokens, Aliyun's region selector", async () => {
    const postmark = await run({ provider: "postmark", domain: "bare.test" });
    expect(check(postmark, "returnPath")).toMatchObject({ status: "warn", add: [{ name: "pm-bounces.bare.test", type: "CNAME", value: "pm.mtasv.net" }] });
    expect(check(postmark, "spf").status).toBe("warn");
    expect(check(postmark, "dkim").message).toBe("dkimNeedSelector");
    const ses = await run({ provider: "ses", domain: "bare.test" });
    expect(check(ses, "dkim")).toMatchObject({ status: "warn", message: "dkimNeedTokens" });
    const sesTokens = await run({ provider: "ses", domain: "bare.test", selectors: ["abc"] });
    expect(check(sesTokens, "dkim").add).toEqual([{ name: "abc._domainkey.bare.test", type: "CNAME", value: "abc.dkim.amazonses.com" }]);
    const aliyun = await run({ provider: "aliyun", domain: "bare.test", region: "eu-central-1" });
    expect(check(aliyun, "dkim").add[0]?.name).toBe("aliyun-eu-central-1._domainkey.bare.test");
  });

  it("SMTP: SPF must allow the relay's own address", async () => {
    const report = await run({ provider: "smtp", domain: "auth.wrong.test", smtpHost: "relay.test" });
    expect(check(report, "spf")).toMatchObject({ status: "fail", add: [{ value: "v=spf1 include:mailgun.org ip4:198.51.100.7 -all" }] });
  });

  it("two SPF records fail", async () => {
    expect(check(await run({ provider: "sendgrid", domain: "auth.twice.test" }), "spf")).toMatchObject({ status: "fail", message: "spfSeveral" });
  });
});

describe("DNS failures are said plainly, per check", () => {
  it("a domain that does not exist", async () => {
    const report = await run({ provider: "sendgrid", domain: "nowhere.test" });
    expect(check(report, "mx")).toMatchObject({ status: "fail", message: "domainMissing" });
  });

  it("SERVFAIL for one name fails that check only", async () => {
    const report = await run({ provider: "sendgrid", domain: "auth.broken.test" });
    expect(check(report, "dmarc")).toMatchObject({ status: "fail", message: "dnsServfail" });
    expect(check(report, "spf").status).toBe("pass");
  });

  it("no DNS server answering", async () => {
    const down = await startZoneServer({});
    await down.close();
    const report = await diagnose({ provider: "sendgrid", domain: "sendgrid.good.test", selectors: [] }, createDns([down.address], 300));
    expect(report.reachable).toBe(false);
    for (const c of report.checks.filter((c) => c.id !== "subdomain")) expect(c).toMatchObject({ status: "fail", message: "dnsUnreachable" });
  });
});
