import type { Page } from "@playwright/test";
import { APP_URL, expect, instanceAt, mailbox, test as base, type SinkMessage } from "./fixtures";
import { orgsOf, type Orgs, type SeededOrg } from "./seed/orgs";
import { browserDetails, type UserWithPassword } from "./seed/users";

/**
 * For e2e/invitations.spec.ts: an admin with an organization (seeded: the
 * admin's pages are not under test), and the invitee's side as they meet
 * it — the link and codes read from the SMTP sink, everything else in the
 * browser.
 */

/** e2e addresses all start "e2e-", so every invited address masks the same. */
export const MASKED = "e•••@mailgate.test";
export const INVITER = "Grace Hopper";
const LINK = /https?:\/\/\S+?\/invite\/[A-Za-z0-9_-]{43}/;

type Fixtures = {
  orgs: Orgs;
  /** An admin (named INVITER) and the organization they own. */
  inviting: { admin: UserWithPassword; org: SeededOrg };
};

export const test = base.extend<Fixtures>({
  orgs: async ({ baseURL, userAgent, extraHTTPHeaders, locale }, provide) => {
    await provide(orgsOf(instanceAt(baseURL ?? APP_URL), browserDetails(userAgent, extraHTTPHeaders, locale)));
  },
  inviting: async ({ users, orgs }, provide) => {
    const admin = await users.create({ prefix: "inviter", name: INVITER });
    await provide({ admin, org: await orgs.create(admin) });
  },
});
export { expect };

/** The path of the link in the invitation email to `email` (from the sink), checked to point at this instance. */
export async function invitationLink(email: string, after: Date): Promise<string> {
  const message: SinkMessage = await mailbox.waitForMessage(email, (m) => LINK.test(m.text), { after });
  expect(message.subject).toBe(`${INVITER} invited you to join Acme Research on Mailgate`);
  const url = new URL(LINK.exec(message.text)![0]);
  expect(url.origin).toBe(new URL(APP_URL).origin);
  return url.pathname;
}

/** Invites `email` as the fixture's admin; the link's path. */
export async function inviteAndReadLink(orgs: Orgs, { admin, org }: Fixtures["inviting"], email: string, role: "admin" | "member" = "member") {
  const after = new Date();
  expect(await orgs.invite(admin, org, email, role)).toBe("invited");
  return invitationLink(email, after);
}

/** The invitation as its page shows it. */
export async function expectInvitation(page: Page, role: "Admin" | "Member") {
  await expect(page.getByRole("heading", { level: 1, name: "Join Acme Research" })).toBeVisible();
  await expect(page.getByText(`${INVITER} invited you to join Acme Research as`)).toBeVisible();
  const facts = page.locator(".invite-facts");
  await expect(facts.getByText(MASKED, { exact: true })).toBeVisible();
  await expect(facts.getByText(role, { exact: true })).toBeVisible();
  await expect(facts.getByText(/UTC \(in (6|7) days\)$/)).toBeVisible();
}

/** Signed out on the invitation: the new-account form, then the code step. Ends on the code page; returns when the code was asked for. */
export async function createAccountOnInvitation(page: Page, link: string, password: string, name?: string): Promise<Date> {
  if (name) await page.getByLabel("Name (optional)", { exact: true }).fill(name);
  await page.getByLabel("Password", { exact: true }).fill(password);
  const after = new Date();
  await page.getByRole("button", { name: "Create account", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === `${link}/verify`);
  await expect(page.getByText(`We sent a code to ${MASKED}.`)).toBeVisible();
  return after;
}

/** Back on the invitation after joining: it says so (so this browser is the invitee's, and a member). */
export async function expectJoined(page: Page, link: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Already accepted" })).toBeVisible();
  await expect(page.getByText("You're a member of Acme Research.")).toBeVisible();
}

export const INVITATION_CODE = /^\d{6} is your Mailgate invitation code$/;
export const onOrganization = (page: Page, org: SeededOrg) => expect(page).toHaveURL((url) => url.pathname === `/orgs/${org.slug}`);

/** On the sign-in page the invitation sent them to: the password sign-in ends back on the invitation. */
export async function signInBackTo(page: Page, link: string, user: UserWithPassword) {
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === link);
}

/** The invitee's Accept: the organization opens. */
export async function acceptAndOpen(page: Page, org: SeededOrg) {
  await page.getByRole("button", { name: "Accept", exact: true }).click();
  await onOrganization(page, org);
}
