import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { CONSOLE_URL, consoleUrl, expect, test, waitForAnyCode, type ReceivedCode } from "./console-fixtures";
import { instanceAt } from "./fixtures";
import { seederFor } from "./seed/seeders";

/**
 * A bounce, end to end on the console instance: a real code email leaves
 * through the instance's connector, Mailgun's webhook reports it bounced
 * (signed here with a key made here, posted as Mailgun's servers post it:
 * no Origin, no cookie), and the product acts on it: the delivery row says
 * so, the user's account centre asks for another address, and no code goes
 * to the address any more.
 */
const signingKey = randomBytes(16).toString("hex");

/** What the connector answered the send with: the Message-ID over SMTP, the receiver's id over HTTP. */
const providerIdOf = (received: ReceivedCode) => (received.via === "smtp" ? received.message.messageId : received.message.id);

/** Mailgun's "failed" event with severity permanent, in the documented JSON shape, signed as Mailgun signs it. */
function mailgunBounce(recipient: string, messageId: string): string {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const token = randomBytes(25).toString("hex");
  const signature = createHmac("sha256", signingKey).update(timestamp + token).digest("hex");
  return JSON.stringify({
    signature: { timestamp, token, signature },
    "event-data": {
      id: randomUUID(),
      event: "failed",
      severity: "permanent",
      reason: "bounce",
      timestamp: Number(timestamp),
      recipient,
      // Mailgun reports the Message-ID header without its angle brackets.
      message: { headers: { to: recipient, "message-id": messageId.replace(/^<(.*)>$/, "$1"), subject: "Your code" } },
      "delivery-status": { code: 550, message: "5.1.1 The email account that you tried to reach does not exist.", "attempt-no": 1 },
    },
  });
}

test("a bounce reported by the provider's webhook marks the delivery, shows the user a banner and stops the next code", async ({ adminPage, users, page, newConsolePage }) => {
  const instance = instanceAt(CONSOLE_URL);
  await seederFor(instance.databaseUrl, instance.env).request({ op: "webhookEndpoint", provider: "mailgun", settings: { signingKey } });
  const user = await users.create({ prefix: "bounced" });

  const visitor = await newConsolePage();
  const after = new Date();
  await visitor.goto(consoleUrl("/sign-in?method=code"));
  await visitor.getByLabel("Email", { exact: true }).fill(user.email);
  await visitor.getByRole("button", { name: "Email me a code", exact: true }).click();
  await expect(visitor).toHaveURL((url) => url.pathname === "/sign-in/verify");
  const received = await waitForAnyCode(user.email, { after });

  const answer = await fetch(`${CONSOLE_URL}/api/webhooks/mailgun`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: mailgunBounce(user.email, providerIdOf(received)),
  });
  expect(answer.status).toBe(200);
  expect(await answer.json()).toMatchObject({ received: 1, applied: 1 });

  await test.step("the delivery row says it bounced, with the provider's words", async () => {
    await adminPage.goto(consoleUrl(`/console/deliveries?report=bounced&recipient=${encodeURIComponent(user.email)}`));
    const rows = adminPage.getByRole("table", { name: "Emails, newest first" }).getByRole("row").filter({ has: adminPage.getByRole("cell") });
    await expect(rows).toHaveCount(1);
    await expect(rows.getByRole("cell").nth(1)).toContainText("Bounced");
    await expect(rows.getByRole("cell").nth(1)).toContainText("does not exist");
  });

  await test.step("the address is on the suppression list, with Mailgun's event", async () => {
    await adminPage.goto(consoleUrl(`/console/suppressions?q=${encodeURIComponent(user.email)}`));
    await expect(adminPage.locator(`tr[data-address="${user.email}"]`).getByRole("cell").nth(2)).toHaveText("mailgun");
  });

  await test.step("the user's account centre asks for another address", async () => {
    await users.signIn(page, user);
    await page.goto(consoleUrl("/account"));
    const banner = page.getByRole("status").filter({ hasText: `Email to ${user.email} can't be delivered` });
    await expect(banner).toContainText("bounced");
    await expect(banner.getByRole("link", { name: "Change your email address" })).toHaveAttribute("href", "/account/email");
  });

  await test.step("the next code request to the address is refused, in words about the address", async () => {
    const again = await newConsolePage();
    await again.goto(consoleUrl("/sign-in?method=code"));
    await again.getByLabel("Email", { exact: true }).fill(user.email);
    await again.getByRole("button", { name: "Email me a code", exact: true }).click();
    await expect(again.getByRole("alert").filter({ hasText: "We can't deliver email to this address." })).toBeVisible();
  });
});
