import { test } from "./invitation-fixtures";
import { expectFitsPhones } from "./page-checks";
import { TOUR_IP, tourSignedIn, tourSignedOut } from "./page-tour";

/**
 * Nothing scrolls sideways on a phone (320 and 390 px): every page of the
 * sign-in instance, signed out and signed in. The console's pages are
 * e2e/console-phones.spec.ts.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": TOUR_IP } });

test("every signed-out page fits a phone", async ({ page, users, orgs, inviting }) => {
  test.slow(); // one test walks many pages
  await tourSignedOut(page, expectFitsPhones, { users, orgs, ...inviting });
});

test("every signed-in page fits a phone", async ({ page, users, inviting }) => {
  test.slow(); // one test walks many pages
  await users.signIn(page, inviting.admin);
  await tourSignedIn(page, expectFitsPhones, inviting.org);
});
