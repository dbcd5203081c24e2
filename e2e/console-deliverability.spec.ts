import type { Page } from "@playwright/test";
import { E2E_DKIM_SELECTOR, E2E_SPF } from "../tests/dns/e2e-zone";
import { consoleUrl, expect, expectNotFound, test } from "./console-fixtures";

/**
 * The sender domain doctor on the console instance, whose DNS_SERVERS is
 * the test DNS server (tests/dns/serve.ts). Its sender domain (mailgate.test,
 * or console.test after console-connectors.spec.ts) sends over SMTP from
 * 127.0.0.1, which the domain's SPF record does not allow: one failing
 * check, with the record that fixes it.
 */
const check = (page: Page, id: string) => page.locator(`[data-check="${id}"]`);

test("the doctor reports each check with the record to add, re-checks without JavaScript, and badges the connector page", async ({ adminPage, newConsolePage, signInAsAdmin }) => {
  const page = adminPage;

  await test.step("a failing check puts a badge on the connector page, linking to the checks", async () => {
    await page.goto(consoleUrl("/console/connectors"));
    await page.getByRole("link", { name: "1 deliverability problem" }).click();
    await expect(page).toHaveURL(/\/console\/deliverability$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sender domain" })).toBeVisible();
  });

  const domain = (await page.locator("dt:text-is('From domain') + dd").textContent())!.trim();
  expect(["mailgate.test", "console.test"]).toContain(domain);

  await test.step("SPF fails with the relay's address added to the existing record", async () => {
    await expect(check(page, "spf")).toHaveAttribute("data-status", "fail");
    await expect(check(page, "spf")).toContainText(E2E_SPF);
    const row = check(page, "spf").getByRole("row").filter({ has: page.getByRole("cell") });
    await expect(row.getByRole("cell")).toHaveText([domain, "TXT", "v=spf1 ip4:203.0.113.9 ip4:127.0.0.1 -all"]);
  });

  await test.step("the other checks: MX and DMARC pass, DKIM waits for a selector, a subdomain is advised", async () => {
    await expect(check(page, "mx")).toHaveAttribute("data-status", "pass");
    await expect(check(page, "dmarc")).toHaveAttribute("data-status", "pass");
    await expect(check(page, "dkim")).toHaveAttribute("data-status", "warn");
    await expect(check(page, "dkim")).toContainText("Enter the DKIM selector");
    await expect(check(page, "mtaSts")).toHaveAttribute("data-status", "warn");
    await expect(check(page, "subdomain")).toContainText(`auth.${domain}`);
  });

  await test.step("naming the DKIM selector checks its key", async () => {
    await page.getByLabel("DKIM selectors").fill(E2E_DKIM_SELECTOR);
    await page.getByRole("button", { name: "Check with these" }).click();
    await expect(check(page, "dkim")).toHaveAttribute("data-status", "pass");
    await expect(check(page, "dkim")).toContainText(`${E2E_DKIM_SELECTOR}._domainkey.${domain} TXT v=DKIM1`);
  });

  await test.step("Re-check works without JavaScript and keeps the selectors", async () => {
    const noJs = await newConsolePage({ javaScriptEnabled: false });
    await signInAsAdmin(noJs);
    await noJs.goto(consoleUrl(`/console/deliverability?selectors=${E2E_DKIM_SELECTOR}`));
    const before = await noJs.locator("time").first().getAttribute("datetime");
    await noJs.getByRole("button", { name: "Re-check now" }).click();
    await expect(noJs).toHaveURL(new RegExp(`/console/deliverability\\?selectors=${E2E_DKIM_SELECTOR}$`));
    await expect(noJs.locator("time").first()).not.toHaveAttribute("datetime", before!);
    await expect(check(noJs, "dkim")).toHaveAttribute("data-status", "pass");
  });

  await test.step("not for anyone but an admin", async () => {
    await expectNotFound(await newConsolePage(), "/console/deliverability");
  });
});
