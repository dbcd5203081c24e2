import { test } from "./console-fixtures";
import { tourConsole } from "./console-tour";
import { expectAccessible } from "./page-checks";

/** axe-core finds nothing under WCAG 2.1 A and AA on any console page, light and dark; the other pages are e2e/a11y.spec.ts. */
test("every console page passes axe, light and dark", async ({ adminPage, newConsolePage }) => {
  test.slow(); // one test walks many pages
  await tourConsole(adminPage, await newConsolePage(), expectAccessible);
});
