import { test } from "./invitation-fixtures";
import { expectAccessible } from "./page-checks";
import { TOUR_IP, tourSignedIn, tourSignedOut } from "./page-tour";

/**
 * axe-core finds nothing under WCAG 2.1 A and AA, in light and in dark
 * mode: every page of the sign-in instance, signed out and signed in. The
 * console's pages are e2e/console-a11y.spec.ts; labels and server errors
 * are e2e/accessibility.spec.ts.
 */
test.use({ extraHTTPHeaders: { "x-forwarded-for": TOUR_IP } });

test("every signed-out page passes axe, light and dark", async ({ page, users, orgs, inviting }) => {
  test.slow(); // one test walks many pages
  await tourSignedOut(page, expectAccessible, { users, orgs, ...inviting });
});

test("every signed-in page passes axe, light and dark", async ({ page, users, inviting }) => {
  test.slow(); // one test walks many pages
  await users.signIn(page, inviting.admin);
  await tourSignedIn(page, expectAccessible, inviting.org);
});
