import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, requestSignInCode, uniqueEmail } from "./fixtures";
import { inviteAndReadLink } from "./invitation-fixtures";
import type { Orgs, SeededOrg } from "./seed/orgs";
import type { UserWithPassword } from "./seed/users";
import type { Target } from "./page-checks";

/**
 * Every page of the sign-in instance, for the checks of e2e/phones.spec.ts
 * and e2e/a11y.spec.ts: each tour opens its pages one after another in one
 * browser and runs `check` on each. Pages that need data get it from the
 * seeders (an organization, an invitation) or from their own form (a code page).
 */
export type Check = (page: Page, target: Target) => Promise<void>;

/** Its own client address, so the code this tour asks for does not spend the per-IP send cap the other specs share. */
export const TOUR_IP = `198.51.100.${randomInt(1, 250)}`;

const SIGNED_OUT = ["/", "/sign-in", "/sign-in?method=code", "/sign-up", "/forgot-password", "/sign-in/social/error", "/no-such-page"];

/** Signed out: the sign-in pages, the 404, an invitation, and a code page. */
export async function tourSignedOut(page: Page, check: Check, inviting: { orgs: Orgs; admin: UserWithPassword; org: SeededOrg }) {
  for (const path of SIGNED_OUT) await check(page, path);
  await check(page, await inviteAndReadLink(inviting.orgs, inviting, uniqueEmail("tour-invitee")));
  await requestSignInCode(page, uniqueEmail("tour-code"));
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in/verify");
  await check(page, null);
}

const ACCOUNT = ["", "/security", "/password", "/email", "/sessions", "/activity", "/connections", "/delete", "/verify"].map((path) => `/account${path}`);

/** Signed in (`page` already is), as the owner of `org`: home, the account centre, the organizations. */
export async function tourSignedIn(page: Page, check: Check, org: SeededOrg) {
  for (const path of ["/", ...ACCOUNT, "/orgs", "/orgs/new", `/orgs/${org.slug}`, `/orgs/${org.slug}/invitations`, `/orgs/${org.slug}/settings`]) await check(page, path);
}
