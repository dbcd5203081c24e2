import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { APP_URL, expect, instanceAt, requestSignInCode, uniqueEmail } from "./fixtures";
import { inviteAndReadLink } from "./invitation-fixtures";
import type { Orgs, SeededOrg } from "./seed/orgs";
import type { Users, UserWithPassword } from "./seed/users";
import type { Target } from "./page-checks";
import { formPages } from "./page-tour-forms";
import { seedSocialConnector, TEST_OIDC } from "./social-connectors";

/**
 * Every page of the sign-in instance, for the checks of e2e/phones.spec.ts
 * and e2e/a11y.spec.ts: each tour opens its pages one after another in one
 * browser and runs `check` on each. Pages that need data get it from the
 * seeders (an organization, an invitation, a connector) or from their own
 * form (e2e/page-tour-forms.ts: the code pages and the steps after them).
 */
export type Check = (page: Page, target: Target) => Promise<void>;

export type TourData = { users: Users; orgs: Orgs; admin: UserWithPassword; org: SeededOrg };

/** Its own client address, so the codes this tour asks for do not spend the per-IP send cap the other specs share. */
export const TOUR_IP = `198.51.100.${randomInt(1, 250)}`;

const SIGNED_OUT = ["/", "/sign-in", "/sign-in?method=code", "/sign-up", "/forgot-password", "/sign-in/social/error", "/no-such-page"];

/** An enabled connector at the test OpenID Connect provider; its button label. */
async function seedConnector(): Promise<string> {
  return (await seedSocialConnector(instanceAt(APP_URL), { providerId: "oidc", name: `Tour ID ${randomInt(1000, 10_000)}` })).name;
}

/** Signed out: the sign-in pages, the 404, an invitation, and every page a form leads to. */
export async function tourSignedOut(page: Page, check: Check, data: TourData) {
  for (const path of SIGNED_OUT) await check(page, path);
  const invitation = await inviteAndReadLink(data.orgs, data, uniqueEmail("tour-invitee"));
  await check(page, invitation);
  await requestSignInCode(page, uniqueEmail("tour-code"));
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/verify");
  await check(page, null);
  await formPages(page, check, { ...data, invitation, connector: await seedConnector() });
}

const ACCOUNT = ["", "/security", "/password", "/email", "/sessions", "/activity", "/connections", "/delete", "/verify"].map((path) => `/account${path}`);

/** Signed in (`page` already is), as the owner of `org`: home, the account centre, the organizations. */
export async function tourSignedIn(page: Page, check: Check, org: SeededOrg) {
  for (const path of ["/", ...ACCOUNT, "/orgs", "/orgs/new", `/orgs/${org.slug}`, `/orgs/${org.slug}/invitations`, `/orgs/${org.slug}/settings`]) await check(page, path);
  await checkConnecting(page, check, await seedConnector());
}

/**
 * /account/connections/continue: the hop to the provider, a meta refresh
 * with a link for browsers that do not follow it. The provider answers 204
 * here, so the browser stays on the hop and shows it, as one that does not
 * follow the refresh would.
 */
async function checkConnecting(page: Page, check: Check, connector: string) {
  const provider = `${TEST_OIDC.origin}/**`;
  await page.route(provider, (route) => route.fulfill({ status: 204 }));
  await page.goto("/account/connections");
  await page.getByRole("main").getByRole("button", { name: `Connect ${connector}`, exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/account/connections/continue");
  await expect(page.getByRole("link", { name: new RegExp(connector) })).toBeVisible();
  await check(page, null);
  await page.unroute(provider);
}
