import { test } from "./console-fixtures";
import { tourConsole } from "./console-tour";
import { expectFitsPhones } from "./page-checks";

/** Nothing in the console scrolls sideways on a phone (320 and 390 px); the other pages are e2e/phones.spec.ts. */
test("every console page fits a phone", async ({ adminPage, newConsolePage }) => {
  test.slow(); // one test walks many pages
  await tourConsole(adminPage, await newConsolePage(), expectFitsPhones);
});
