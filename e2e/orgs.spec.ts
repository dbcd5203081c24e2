import { randomBytes, randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { APP_URL, expect, mailbox, step, submitCode, test, type UserWithPassword, type Users } from "./fixtures";

/*
 * The signed-in organization pages (/orgs/**): create, invite (the email read
 * from the SMTP sink), accept from /orgs, roles, remove, leave, ownership,
 * delete with "Confirm it's you", the header's switcher, the 404 for
 * non-members, and the whole create → invite → accept path without
 * JavaScript. Accounts are seeded (the `users` fixture); each file run gets
 * its own client address, so it does not spend the per-IP caps other specs share.
 */
const IP = `198.51.100.${randomInt(1, 250)}`;
const FROM_IP = { extraHTTPHeaders: { "x-forwarded-for": IP } };
test.use(FROM_IP);

const alerts = (page: Page) => page.getByRole("main").getByRole("alert");
const status = (page: Page) => page.getByRole("main").getByRole("status");
const uniqueOrgName = (prefix = "Acme") => `${prefix} ${randomBytes(3).toString("hex")}`;
const membersTable = (page: Page) => page.getByRole("table", { name: "Members" });
const memberRow = (page: Page, email: string) => membersTable(page).getByRole("row").filter({ hasText: email });

/** Creates an organization from /orgs/new and returns its slug (the one the form suggested, unless `slug` is given). */
async function createOrg(page: Page, name: string, slug?: string): Promise<string> {
  return step(`create the organization ${name}`, async () => {
    await page.goto("/orgs/new");
    await page.getByLabel("Name", { exact: true }).fill(name);
    if (slug) await page.getByLabel("URL name", { exact: true }).fill(slug);
    await page.getByRole("button", { name: "Create organization" }).click();
    await expect(page).toHaveURL((url) => /^\/orgs\/[a-z0-9-]+$/.test(url.pathname) && url.searchParams.get("done") === "created");
    await expect(status(page)).toHaveText("The organization was created. You're its owner.");
    return new URL(page.url()).pathname.split("/")[2]!;
  });
}

/** Invites addresses from the invitations page; returns the page's outcome list. */
async function invite(page: Page, slug: string, emails: string[], role: "Member" | "Admin" | "Owner" = "Member") {
  await page.goto(`/orgs/${slug}/invitations`);
  await page.getByLabel("Email addresses").fill(emails.join("\n"));
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Send invitations" }).click();
  return page.getByRole("list", { name: "Invitation results" });
}

/** The invitation email to `to`: its link goes to this app's /invite/<token>. */
async function invitationLink(to: string, orgName: string, after: Date): Promise<string> {
  const message = await mailbox.waitForMessage(to, (m) => m.subject.includes(`invited you to join ${orgName}`), { after });
  const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/.exec(message.text)?.[0];
  expect(link, "the invitation email carries an /invite/<token> link").toBeTruthy();
  return link!;
}

/** The invitee accepts from their own /orgs list and lands in the organization. */
async function acceptOnOrgs(page: Page, orgName: string) {
  await page.goto("/orgs");
  await page.getByRole("button", { name: `Accept the invitation to ${orgName}` }).click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith("/orgs/") && url.searchParams.get("done") === "joined");
  await expect(status(page)).toHaveText("You joined the organization.");
}

/** An owner with an organization and a second account who joined it as `role` (invited and accepted through the pages). */
async function orgWithMember(page: Page, newPage: (options: typeof FROM_IP) => Promise<Page>, users: Users, role: "Member" | "Admin" = "Member") {
  const owner = await users.create({ prefix: "orgs-owner" });
  const member = await users.create({ prefix: "orgs-member", name: `Member ${randomBytes(2).toString("hex")}` });
  await users.signIn(page, owner);
  const name = uniqueOrgName();
  const slug = await createOrg(page, name);
  await expect((await invite(page, slug, [member.email], role)).getByRole("listitem")).toHaveText(new RegExp(`${member.email}: Invited`));
  const memberPage = await newPage(FROM_IP);
  await users.signIn(memberPage, member);
  await acceptOnOrgs(memberPage, name);
  return { owner, member, memberPage, name, slug };
}

test("create an organization, invite an existing user by email, the invitee accepts and appears as a member", async ({ page, newPage, users }) => {
  const owner = await users.create({ prefix: "orgs-owner" });
  const invitee = await users.create({ prefix: "orgs-invitee" });
  await users.signIn(page, owner);
  const name = uniqueOrgName();
  const slug = await step("the URL name follows the name until it is edited", async () => {
    await page.goto("/orgs/new");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await expect(page.getByLabel("URL name", { exact: true })).toHaveValue(name.toLowerCase().replace(" ", "-"));
    return createOrg(page, name);
  });
  expect(slug).toBe(name.toLowerCase().replace(" ", "-"));
  await expect(membersTable(page).getByRole("row")).toHaveCount(2);
  await expect(memberRow(page, owner.email)).toContainText("Owner");

  const after = new Date();
  const results = await invite(page, slug, [invitee.email]);
  await expect(results.getByRole("listitem")).toHaveText(new RegExp(`^${invitee.email}: Invited: email (sent|queued)`));
  const link = await invitationLink(invitee.email, name, after);
  expect(link.startsWith(`${APP_URL}/invite/`)).toBe(true);

  await step("the invitation is listed as pending, its email sent", async () => {
    await expect(async () => {
      await page.goto(`/orgs/${slug}/invitations?status=pending`);
      const row = page.getByRole("row").filter({ hasText: invitee.email });
      await expect(row).toContainText("Pending");
      await expect(row.getByText("Sent", { exact: true })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    // Just sent: Resend waits for the cooldown, Revoke is there.
    const row = page.getByRole("row").filter({ hasText: invitee.email });
    await expect(row.getByText(/Resend in \d+s/)).toBeVisible();
    await expect(row.getByRole("button", { name: `Revoke the invitation to ${invitee.email}` })).toBeVisible();
  });

  const inviteePage = await newPage(FROM_IP);
  await users.signIn(inviteePage, invitee);
  await step("the invitee sees the invitation on /orgs, with the inviter, role and expiry", async () => {
    await inviteePage.goto("/orgs");
    const card = inviteePage.getByRole("listitem").filter({ hasText: `${name} invites you as Member` });
    await expect(card).toContainText(`(from ${owner.email})`);
    await expect(card).toContainText(/Expires [A-Z][a-z]{2} \d{1,2}, \d{4}/);
  });
  await acceptOnOrgs(inviteePage, name);
  await expect(inviteePage).toHaveURL((url) => url.pathname === `/orgs/${slug}`);
  // A member sees no controls and no invitations tab.
  await expect(inviteePage.getByRole("button", { name: /^Change role/ })).toHaveCount(0);
  await expect(inviteePage.getByRole("link", { name: "Invitations" })).toHaveCount(0);
  await inviteePage.goto(`/orgs/${slug}/invitations`);
  await expect(inviteePage).toHaveURL((url) => url.pathname === `/orgs/${slug}`);

  await page.goto(`/orgs/${slug}`);
  await expect(memberRow(page, invitee.email)).toContainText("Member");
  await expect(page.getByRole("table", { name: /Organization activity/ })).toContainText(`Joined ${name} as member (accepted an invitation)`);
  await page.goto(`/orgs/${slug}/invitations?status=accepted`);
  await expect(page.getByRole("row").filter({ hasText: invitee.email })).toContainText("Accepted");
});

test("the invitee declines; a revoked invitation leaves their list; a refused email shows as dead", async ({ page, newPage, users }) => {
  const owner = await users.create({ prefix: "orgs-owner" });
  const decliner = await users.create({ prefix: "orgs-decliner" });
  const revoked = await users.create({ prefix: "orgs-revoked" });
  await users.signIn(page, owner);
  const name = uniqueOrgName();
  const slug = await createOrg(page, name);
  await expect((await invite(page, slug, [decliner.email, revoked.email])).getByRole("listitem")).toHaveCount(2);

  const declinerPage = await newPage(FROM_IP);
  await users.signIn(declinerPage, decliner);
  await declinerPage.goto("/orgs");
  await declinerPage.getByRole("button", { name: `Decline the invitation to ${name}` }).click();
  await expect(status(declinerPage)).toHaveText("The invitation was declined.");
  await expect(declinerPage.getByRole("button", { name: `Accept the invitation to ${name}` })).toHaveCount(0);

  await page.goto(`/orgs/${slug}/invitations`);
  await page.getByRole("button", { name: `Revoke the invitation to ${revoked.email}` }).click();
  await expect(status(page)).toHaveText("The invitation was revoked. Its link no longer works.");
  await page.goto(`/orgs/${slug}/invitations?status=declined`);
  await expect(page.getByRole("row").filter({ hasText: decliner.email })).toContainText("Declined");
  await page.goto(`/orgs/${slug}/invitations?status=revoked`);
  await expect(page.getByRole("row").filter({ hasText: revoked.email })).toContainText("Revoked");
  await expect(page.getByRole("row").filter({ hasText: decliner.email })).toHaveCount(0);
  const revokedPage = await newPage(FROM_IP);
  await users.signIn(revokedPage, revoked);
  await revokedPage.goto("/orgs");
  await expect(revokedPage.getByRole("button", { name: `Accept the invitation to ${name}` })).toHaveCount(0);

  await step("an address the mail server refuses for good", async () => {
    const bounced = `bounce-${randomBytes(4).toString("hex")}@example.test`;
    await mailbox.failNext(1, 550);
    await expect((await invite(page, slug, [bounced])).getByRole("listitem")).toHaveText(
      `${bounced}: Invited: the email could not be delivered (check the address).`,
    );
    await page.goto(`/orgs/${slug}/invitations?status=pending`);
    await expect(page.getByRole("row").filter({ hasText: bounced }).getByText("Dead", { exact: true })).toBeVisible();
  });
});

test("an owner changes a member's role and removes them; admins are offered no owner role", async ({ page, newPage, users }) => {
  const { member, memberPage, slug } = await orgWithMember(page, newPage, users);
  await page.goto(`/orgs/${slug}`);
  const row = memberRow(page, member.email);
  await row.getByLabel(`Role of ${member.name}`).selectOption("admin");
  await row.getByRole("button", { name: `Change role of ${member.name}` }).click();
  await expect(status(page)).toHaveText("The role was changed.");
  await expect(memberRow(page, member.email)).toContainText("Admin");

  await step("the new admin may give admin or member, never owner, and cannot touch the owner", async () => {
    await memberPage.goto(`/orgs/${slug}/invitations`);
    await expect(memberPage.getByLabel("Role", { exact: true }).locator("option")).toHaveText(["Admin", "Member"]);
    await memberPage.goto(`/orgs/${slug}`);
    await expect(memberPage.getByRole("button", { name: /^Change role/ })).toHaveCount(0);
  });

  await memberRow(page, member.email).getByRole("button", { name: `Remove ${member.name}` }).click();
  await expect(status(page)).toHaveText("The member was removed.");
  await expect(memberRow(page, member.email)).toHaveCount(0);
  // Removed: the organization's pages are the plain 404 for them now.
  const response = await memberPage.goto(`/orgs/${slug}`);
  expect(response?.status()).toBe(404);
});

test("a member leaves; the last owner cannot", async ({ page, newPage, users }) => {
  const { owner, member, memberPage, slug, name } = await orgWithMember(page, newPage, users);
  await memberPage.goto(`/orgs/${slug}`);
  await memberPage.getByRole("button", { name: "Leave organization" }).click();
  await expect(memberPage).toHaveURL((url) => url.pathname === "/orgs");
  await expect(status(memberPage)).toHaveText("You left the organization.");
  await expect(memberPage.getByRole("link", { name })).toHaveCount(0);

  await page.goto(`/orgs/${slug}`);
  await expect(memberRow(page, member.email)).toHaveCount(0);
  await page.getByRole("button", { name: "Leave organization" }).click();
  await expect(alerts(page)).toHaveText("You're the only owner. Make another member an owner, or delete the organization, before you leave.");
  await expect(memberRow(page, owner.email)).toContainText("Owner");
});

test("an owner hands ownership over after a confirmation step and becomes an admin", async ({ page, newPage, users }) => {
  const { owner, member, memberPage, slug, name } = await orgWithMember(page, newPage, users);
  await page.goto(`/orgs/${slug}`);
  await page.getByLabel("New owner").selectOption({ label: `${member.name} (${member.email})` });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("main").getByRole("group")).toContainText(`Make ${member.name} (${member.email}) an owner of ${name}?`);
  // Nothing changed yet.
  await expect(memberRow(page, owner.email)).toContainText("Owner");
  await page.getByRole("button", { name: "Transfer ownership" }).click();
  await expect(status(page)).toHaveText("Ownership was handed over. You're an admin now.");
  await expect(memberRow(page, owner.email)).toContainText("Admin");
  await expect(memberRow(page, member.email)).toContainText("Owner");
  await expect(page.getByRole("heading", { name: "Transfer ownership" })).toHaveCount(0);

  await page.goto(`/orgs/${slug}/settings`);
  await expect(page.getByText("Only an owner can delete the organization.")).toBeVisible();
  await memberPage.goto(`/orgs/${slug}`);
  await expect(memberPage.getByRole("heading", { name: "Transfer ownership" })).toBeVisible();
});

test("deleting an organization needs 'Confirm it's you' (a code from the sink) and its typed name", async ({ page, newPage, users }) => {
  const { owner, memberPage, slug, name } = await orgWithMember(page, newPage, users);
  await page.goto(`/orgs/${slug}/settings`);
  await step("confirm it's you with an emailed code, and come back", async () => {
    await page.getByRole("link", { name: "Confirm it's you" }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/verify" && url.searchParams.get("next") === `/orgs/${slug}/settings`);
    const after = new Date();
    await page.getByRole("button", { name: "Email me a code" }).click();
    const code = await mailbox.waitForCode(owner.email, { after, subject: /confirmation code/ });
    await submitCode(page, code);
    await expect(page).toHaveURL((url) => url.pathname === `/orgs/${slug}/settings`);
  });
  const confirmName = page.getByLabel(`Type the organization's name (${name}) to confirm`);
  await confirmName.fill(`${name} typo`);
  await page.getByRole("button", { name: "Delete organization" }).click();
  await expect(alerts(page)).toHaveText("Type the organization's name exactly as it is shown.");
  await expect(page).toHaveURL((url) => url.pathname === `/orgs/${slug}/settings`);

  await page.getByLabel(`Type the organization's name (${name}) to confirm`).fill(name);
  await page.getByRole("button", { name: "Delete organization" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/orgs");
  await expect(status(page)).toHaveText("The organization was deleted.");
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  expect((await memberPage.goto(`/orgs/${slug}`))?.status()).toBe(404);
});

test("settings: rename and a new URL name, every field error at once", async ({ page, users }) => {
  await users.signIn(page, await users.create({ prefix: "orgs-settings" }));
  const slug = await createOrg(page, uniqueOrgName());
  await page.goto(`/orgs/${slug}/settings`);
  await page.getByLabel("Name", { exact: true }).fill("   ");
  await page.getByLabel("URL name", { exact: true }).fill("Not A Slug");
  await page.getByLabel("Logo URL (optional)").fill("http://insecure.example/logo.png");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(alerts(page)).toHaveCount(3);
  await expect(page.getByLabel("URL name", { exact: true })).toHaveValue("Not A Slug");

  const renamed = uniqueOrgName("Renamed");
  const newSlug = `${slug}-x`;
  await page.getByLabel("Name", { exact: true }).fill(renamed);
  await page.getByLabel("URL name", { exact: true }).fill(newSlug);
  await page.getByLabel("Logo URL (optional)").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page).toHaveURL((url) => url.pathname === `/orgs/${newSlug}/settings`);
  await expect(status(page)).toHaveText("The settings were saved.");
  await expect(page.getByRole("navigation", { name: renamed })).toBeVisible();
  expect((await page.goto(`/orgs/${slug}`))?.status()).toBe(404);
});

test("the header's switcher lists my organizations, marks the active one and switches", async ({ page, users }) => {
  await users.signIn(page, await users.create({ prefix: "orgs-switcher" }));
  const first = uniqueOrgName("First");
  const second = uniqueOrgName("Second");
  const firstSlug = await createOrg(page, first);
  await createOrg(page, second);
  // The newest one is active after creating it.
  const switcher = page.locator("summary").filter({ hasText: "Organization:" });
  await expect(switcher).toContainText(second);
  await switcher.click();
  const items = page.getByRole("list", { name: "Switch organization" });
  await expect(items.getByRole("button", { name: new RegExp(second) })).toHaveAttribute("aria-current", "true");
  await expect(page.getByRole("link", { name: "Create organization" }).first()).toBeVisible();
  await items.getByRole("button", { name: new RegExp(first) }).click();
  await expect(page).toHaveURL((url) => url.pathname === `/orgs/${firstSlug}`);
  await expect(switcher).toContainText(first);
  await page.goto("/orgs");
  await expect(page.getByRole("listitem").filter({ hasText: first })).toContainText("Active");
  await expect(page.getByRole("listitem").filter({ hasText: second })).not.toContainText("Active");
  // The account centre has the same header, and Organizations in its navigation.
  await page.goto("/account");
  await expect(switcher).toContainText(first);
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Organizations" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/orgs");
});

test("an organization's pages are the plain 404 for anyone who is not a member", async ({ page, newPage, users }) => {
  await users.signIn(page, await users.create({ prefix: "orgs-owner" }));
  const slug = await createOrg(page, uniqueOrgName());
  const outsider = await newPage(FROM_IP);
  await users.signIn(outsider, await users.create({ prefix: "orgs-outsider" }));
  for (const path of [`/orgs/${slug}`, `/orgs/${slug}/invitations`, `/orgs/${slug}/settings`, "/orgs/no-such-org-here"]) {
    const response = await outsider.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(outsider.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("create and invite refuse bad input with every error inline", async ({ page, users }) => {
  await users.signIn(page, await users.create({ prefix: "orgs-errors" }));
  await page.goto("/orgs/new");
  await page.getByLabel("URL name", { exact: true }).fill("x");
  await page.getByLabel("Logo URL (optional)").fill("not a url");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(alerts(page)).toHaveText(["Enter the organization's name.", "Use 3 to 40 characters.", "Enter an https:// address of an image, or leave it empty."]);

  const slug = await createOrg(page, uniqueOrgName());
  await page.goto("/orgs/new");
  await page.getByLabel("Name", { exact: true }).fill("Taken");
  await page.getByLabel("URL name", { exact: true }).fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(alerts(page)).toHaveText("This URL name is taken. Choose another.");

  await page.goto(`/orgs/${slug}/invitations`);
  await page.getByLabel("Email addresses").fill("ok@example.test, not-an-address");
  await page.getByRole("button", { name: "Send invitations" }).click();
  await expect(alerts(page)).toHaveText("This isn't a valid email address: not-an-address.");
  await expect(page.getByLabel("Email addresses")).toHaveValue("ok@example.test, not-an-address");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("create, invite and accept", async ({ page, newPage, users }) => {
    const owner: UserWithPassword = await users.create({ prefix: "orgs-nojs-owner" });
    const invitee = await users.create({ prefix: "orgs-nojs-invitee" });
    await users.signIn(page, owner);
    const name = uniqueOrgName("NoJS");
    // No script fills the URL name in: left empty, the server makes the same suggestion.
    const slug = await createOrg(page, name);
    expect(slug).toBe(name.toLowerCase().replace(" ", "-"));

    const after = new Date();
    const results = await invite(page, slug, [invitee.email], "Admin");
    await expect(results.getByRole("listitem")).toHaveText(new RegExp(`^${invitee.email}: Invited`));
    await invitationLink(invitee.email, name, after);

    const inviteePage = await newPage({ ...FROM_IP, javaScriptEnabled: false });
    await users.signIn(inviteePage, invitee);
    await acceptOnOrgs(inviteePage, name);
    await expect(memberRow(inviteePage, invitee.email)).toContainText("Admin");

    await step("the switcher works as a plain form", async () => {
      const other = uniqueOrgName("Other");
      await createOrg(page, other);
      await page.locator("summary").filter({ hasText: "Organization:" }).click();
      await page.getByRole("list", { name: "Switch organization" }).getByRole("button", { name: new RegExp(name) }).click();
      await expect(page).toHaveURL((url) => url.pathname === `/orgs/${slug}`);
      await expect(page.locator("summary").filter({ hasText: "Organization:" })).toContainText(name);
    });
  });
});
