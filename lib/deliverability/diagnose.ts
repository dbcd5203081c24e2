import { checkDkim } from "./check-dkim";
import { checkDmarc } from "./check-dmarc";
import { checkBounceMx, checkMx } from "./check-mx";
import { checkMtaSts } from "./check-mta-sts";
import { checkReturnPath } from "./check-return-path";
import { checkSpf } from "./check-spf";
import { checkSubdomain } from "./check-subdomain";
import { DnsProblem, type Dns } from "./dns";
import { PROVIDERS, under } from "./providers";
import type { CheckId, CheckResult, Report, SenderTarget } from "./types";

/**
 * Every check for one sender, each on its own: a DNS failure in one is that
 * check's result ("could not reach DNS"), never the page's. Only bugs throw.
 */
export async function diagnose(target: SenderTarget, dns: Dns): Promise<Report> {
  const expect = PROVIDERS[target.provider];
  const { domain } = target;
  const checks: Promise<CheckResult>[] = [guard("mx", () => checkMx(domain, dns))];
  if (expect) {
    const spfDomain = under(domain, expect.spf.kind === "include" ? expect.spf.at : undefined);
    const returnPath = expect.returnPath;
    const bounceMx = expect.bounceMx;
    checks.push(guard("spf", () => checkSpf(domain, expect.spf, dns, target.smtpHost)));
    if (returnPath) checks.push(guard("returnPath", () => checkReturnPath(under(domain, returnPath.at), returnPath.target, dns)));
    if (bounceMx) checks.push(guard("bounceMx", () => checkBounceMx(under(domain, bounceMx.at), bounceMx.suffix, bounceMx.value, dns)));
    checks.push(guard("dkim", () => checkDkim(domain, expect.dkim, target.selectors, dns, target.region)));
    // The provider's DKIM signs as the From domain; SPF is checked on the bounce (MAIL FROM) domain.
    checks.push(guard("dmarc", () => checkDmarc(domain, returnPath ? under(domain, returnPath.at) : spfDomain, domain, dns)));
  }
  checks.push(guard("mtaSts", () => checkMtaSts(domain, dns)));
  const results = [...(await Promise.all(checks)), checkSubdomain(domain)];
  const reachable = !results.every((r) => r.message === "dnsUnreachable" || r.id === "subdomain");
  return { target, checkedAt: new Date(), reachable, checks: results };
}

async function guard(id: CheckId, run: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DnsProblem)) throw error;
    const message = error.kind === "servfail" ? "dnsServfail" : "dnsUnreachable";
    return { id, status: "fail", message, values: { code: error.code }, found: [], add: [] };
  }
}

/** The worst status among the checks: what the connectors page's badge shows. */
export const failing = (report: Report) => report.checks.filter((c) => c.status === "fail").length;
