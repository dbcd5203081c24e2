import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { codeField, mailbox, step, submitCode, uniqueEmail, uniquePassword } from "./fixtures";
import {
  acceptAndOpen,
  createAccountOnInvitation,
  expect,
  expectInvitation,
  expectJoined,
  INVITATION_CODE,
  INVITER,
  inviteAndReadLink,
  MASKED,
  onOrganization,
  signInBackTo,
  test,
} from "./invitation-fixtures";

/*
 * The invitee's side of an organization's invitation (/invite/<token>): the
 * link and every code come from the SMTP sink; the admin, the organization
 * and the invitation are made by the app's own lib functions in the seeder
 * (e2e/seed/org-seeder.ts). This browser is its own client address, as
 * behind a proxy, so the per-address limits are its own.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": `100.96.${randomInt(0, 256)}.${randomInt(1, 255)}` } });

const accept = (page: Page) => page.getByRole("button", { name: "Accept", exact: true });
const heading = (page: import("@playwright/test").Page, name: string) => page.getByRole("heading", { level: 1, name });

test("a new address creates its account through the invitation, proven by the code, and lands in the organization", async ({ page, orgs, inviting }) => {
  const email = uniqueEmail("invitee");
  const link = await inviteAndReadLink(orgs, inviting, email, "admin");

  await step("the link shows the invitation and offers only buttons that post", async () => {
    await page.goto(link);
    await expectInvitation(page, "Admin");
    await expect(page.getByRole("link", { name: "Sign in to accept" })).toHaveAttribute("href", `/sign-in?next=${encodeURIComponent(link)}`);
    // The address is the invited one: shown masked, not a field.
    await expect(page.getByLabel("Email")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Accept" })).toHaveCount(0);
  });

  const after = await createAccountOnInvitation(page, link, uniquePassword(), "Ada Lovelace");
  await step("the code from the invited address creates the account and joins", async () => {
    const code = await mailbox.waitForCode(email, { after, subject: INVITATION_CODE });
    await submitCode(page, code === "000000" ? "111111" : "000000");
    await expect(codeField(page)).toHaveAttribute("aria-invalid", "true");
    await submitCode(page, code);
    await onOrganization(page, inviting.org);
  });
  await expectJoined(page, link);
  await page.goto("/");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});

test("an existing account: 'Create account' reveals nothing, its email signs in back to the invitation, which it accepts", async ({ page, orgs, inviting, users }) => {
  const invitee = await users.create({ prefix: "existing" });
  const link = await inviteAndReadLink(orgs, inviting, invitee.email);
  await page.goto(link);
  const after = await createAccountOnInvitation(page, link, uniquePassword());

  const signInUrl = await step("the email says there is an account; its 'Sign in' returns to the invitation", async () => {
    const notice = await mailbox.waitForMessage(invitee.email, (m) => m.subject === "You already have an account with Mailgate", { after });
    const url = new URL(/^Sign in: (\S+)$/m.exec(notice.text)![1]!);
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("next")).toBe(link);
    return url;
  });
  await step("password sign-in comes back to the invitation", async () => {
    await page.goto(signInUrl.pathname + signInUrl.search);
    await expect(page.getByText("Sign in with the invited address, then you'll come back to the invitation.")).toBeVisible();
    await signInBackTo(page, link, invitee);
  });
  await acceptAndOpen(page, inviting.org);
  await expectJoined(page, link);
});

test("code sign-in and two-step verification come back to the invitation too", async ({ page, orgs, inviting, users }) => {
  const invitee = await users.create({ prefix: "two-step" });
  await orgs.addEmailFactor(invitee);
  const link = await inviteAndReadLink(orgs, inviting, invitee.email);
  await page.goto(link);
  await page.getByRole("link", { name: "Sign in to accept" }).click();
  await page.getByRole("link", { name: "Email me a code instead" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("method") === "code" && url.searchParams.get("next") === link);
  await page.getByLabel("Email", { exact: true }).fill(invitee.email);
  const after = new Date();
  await page.getByRole("button", { name: "Email me a code", exact: true }).click();
  await submitCode(page, await mailbox.waitForCode(invitee.email, { after, subject: /sign-in code/ }));

  await step("the second step (the password, after a code) ends on the invitation", async () => {
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in/mfa");
    await page.getByLabel("Password", { exact: true }).fill(invitee.password);
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === link);
  });
  await acceptAndOpen(page, inviting.org);
});

test("signed in as someone else: refused plainly, and 'Sign out and continue' leads to the invitee's accept", async ({ page, orgs, inviting, users }) => {
  const [invitee, other] = await Promise.all([users.create({ prefix: "invitee" }), users.create({ prefix: "other" })]);
  const link = await inviteAndReadLink(orgs, inviting, invitee.email);
  await users.signIn(page, other);
  await page.goto(link);
  await expect(page.getByRole("alert").filter({ hasText: `This invitation is for ${MASKED}; you are signed in as ${other.email}.` })).toBeVisible();
  await expect(accept(page)).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out and continue", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === link);
  await page.getByRole("link", { name: "Sign in to accept" }).click();
  await signInBackTo(page, link, invitee);
  await acceptAndOpen(page, inviting.org);
});

test("decline: the page says so, and the invitation stays declined", async ({ page, orgs, inviting, users }) => {
  const invitee = await users.create({ prefix: "decliner" });
  const link = await inviteAndReadLink(orgs, inviting, invitee.email);
  await users.signIn(page, invitee);
  await page.goto(link);
  await page.getByRole("button", { name: "Decline", exact: true }).click();
  const said = `You declined the invitation to Acme Research. Nobody was added. If you change your mind, ask ${INVITER} to invite you again.`;
  await expect(heading(page, "Invitation declined")).toBeVisible();
  await expect(page.getByText(said)).toBeVisible();
  await page.reload();
  await expect(page.getByText(said)).toBeVisible();
  await expect(accept(page)).toHaveCount(0);
});

test("revoked while the page is open: neither Accept nor a new account goes through", async ({ page, orgs, inviting, users, newPage }) => {
  const withdrawn = `This invitation to Acme Research was withdrawn. Ask ${INVITER} or another admin of Acme Research if you think that's a mistake.`;
  await step("the invitee's Accept", async () => {
    const invitee = await users.create({ prefix: "revoked" });
    const link = await inviteAndReadLink(orgs, inviting, invitee.email);
    await users.signIn(page, invitee);
    await page.goto(link);
    await orgs.revoke(inviting.admin, inviting.org, invitee.email);
    await accept(page).click();
    await expect(heading(page, "This invitation was withdrawn")).toBeVisible();
    await expect(page.getByText(withdrawn)).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === link);
  });
  await step("a new account's form", async () => {
    const email = uniqueEmail("revoked-new");
    const link = await inviteAndReadLink(orgs, inviting, email);
    const visitor = await newPage({ extraHTTPHeaders: { "x-forwarded-for": "100.95.0.9" } });
    await visitor.goto(link);
    await orgs.revoke(inviting.admin, inviting.org, email);
    await visitor.getByLabel("Password", { exact: true }).fill(uniquePassword());
    await visitor.getByRole("button", { name: "Create account", exact: true }).click();
    await expect(visitor.getByText(withdrawn)).toBeVisible();
    expect((await mailbox.messages(email)).filter((m) => INVITATION_CODE.test(m.subject))).toHaveLength(0);
  });
});

test("an expired invitation and an unknown link each get a clear page", async ({ page, orgs, inviting }) => {
  const email = uniqueEmail("expired");
  const link = await inviteAndReadLink(orgs, inviting, email);
  await orgs.expire(inviting.org, email);
  await page.goto(link);
  await expect(heading(page, "This invitation has expired")).toBeVisible();
  await expect(page.getByText(`This invitation to Acme Research has expired. Ask ${INVITER} or another admin of Acme Research to send you a new one.`)).toBeVisible();
  // Nothing to answer: the only buttons left are the language switcher's.
  await expect(page.getByRole("button").filter({ hasNotText: /^(English|日本語)$/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();

  for (const unknown of [`/invite/${"A".repeat(43)}`, "/invite/not-a-token"]) {
    const response = await page.goto(unknown);
    expect(response?.status()).toBe(404);
    await expect(heading(page, "Invitation not found")).toBeVisible();
    await expect(page.getByText("ask the person who invited you to send a new invitation")).toBeVisible();
  }
});

test("invitation-only sign-up refuses a plain sign-up and still accepts an invited one", async ({ page, orgs, inviting, newPage }) => {
  const early = uniqueEmail("early-sign-up");
  const earlyPage = await newPage({ extraHTTPHeaders: { "x-forwarded-for": "100.95.0.10" } });
  const after = await step("a sign-up started while sign-up was open", async () => {
    await earlyPage.goto("/sign-up");
    await earlyPage.getByLabel("Email", { exact: true }).fill(early);
    await earlyPage.getByLabel("Password", { exact: true }).fill(uniquePassword());
    const sent = new Date();
    await earlyPage.getByRole("button", { name: "Create account", exact: true }).click();
    await expect(earlyPage).toHaveURL((url) => url.pathname === "/sign-up/verify");
    return sent;
  });
  await orgs.setSignUpMode("invitation");
  try {
    await step("/sign-up explains and shows no form; sign-in says accounts are by invitation", async () => {
      // Another process changed the settings: the app sees it within a second.
      await expect(async () => {
        await page.goto("/sign-up");
        await expect(page.getByText(/^Sign-up is by invitation only\. Ask an admin of your organization to invite you/)).toBeVisible({ timeout: 500 });
      }).toPass();
      await expect(page.getByLabel("Email")).toHaveCount(0);
      await page.goto("/sign-in");
      await expect(page.getByText("New here? Accounts are by invitation: open the link in your invitation email.")).toBeVisible();
      await expect(page.getByRole("link", { name: "Create an account" })).toHaveCount(0);
    });
    await step("the sign-up started before is not completed", async () => {
      await submitCode(earlyPage, await mailbox.waitForCode(early, { after }));
      await expect(earlyPage.getByRole("alert").filter({ hasText: /^Sign-up is by invitation only/ })).toBeVisible();
      await expect(earlyPage).toHaveURL((url) => url.pathname === "/sign-up/verify");
    });
    await step("an invited address creates its account", async () => {
      const email = uniqueEmail("invited-only");
      const link = await inviteAndReadLink(orgs, inviting, email);
      await page.goto(link);
      const sent = await createAccountOnInvitation(page, link, uniquePassword());
      await submitCode(page, await mailbox.waitForCode(email, { after: sent, subject: INVITATION_CODE }));
      await onOrganization(page, inviting.org);
    });
  } finally {
    await orgs.setSignUpMode("open");
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a new account through the invitation", async ({ page, orgs, inviting }) => {
    const email = uniqueEmail("no-js");
    const link = await inviteAndReadLink(orgs, inviting, email);
    await page.goto(link);
    await expectInvitation(page, "Member");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create account", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Use at least 12 characters." })).toBeVisible();
    const after = await createAccountOnInvitation(page, link, uniquePassword());
    await submitCode(page, await mailbox.waitForCode(email, { after, subject: INVITATION_CODE }));
    await onOrganization(page, inviting.org);
  });

  test("sign out and continue, sign in, accept", async ({ page, orgs, inviting, users }) => {
    const [invitee, other] = await Promise.all([users.create({ prefix: "no-js-invitee" }), users.create({ prefix: "no-js-other" })]);
    const link = await inviteAndReadLink(orgs, inviting, invitee.email);
    await users.signIn(page, other);
    await page.goto(link);
    await page.getByRole("button", { name: "Sign out and continue", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === link);
    await page.getByRole("link", { name: "Sign in to accept" }).click();
    await signInBackTo(page, link, invitee);
    await acceptAndOpen(page, inviting.org);
  });
});
