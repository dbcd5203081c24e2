import { readBuild } from "./fuzz/build-info";
import { expectNotFound, signUpUser, test } from "./console-fixtures";

/*
 * Item 9: the console is not advertised. Every console page of the build,
 * for a signed-out visitor and for a signed-in user who is not an admin,
 * with and without JavaScript, is the app's ordinary 404 — same status,
 * title and words as an address that never existed.
 */
const consolePaths = () =>
  readBuild()
    .pages.filter((route) => route.startsWith("/console"))
    .map((route) => route.replace(/\[[^\]]+\]/g, "smtp"));

for (const javaScriptEnabled of [true, false]) {
  test(`console pages are a plain 404 for anyone but an admin (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ newConsolePage, uniqueEmail }) => {
    const paths = consolePaths();
    test.expect(paths.length).toBeGreaterThan(4);
    const visitor = await newConsolePage({ javaScriptEnabled });
    for (const path of paths) await expectNotFound(visitor, path);
    const user = await newConsolePage({ javaScriptEnabled });
    if (javaScriptEnabled) await signUpUser(user, uniqueEmail("not-admin"));
    else {
      // Sign up with JavaScript, then carry the session into a context without it.
      const withJs = await newConsolePage();
      await signUpUser(withJs, uniqueEmail("not-admin"));
      await user.context().addCookies(await withJs.context().cookies());
    }
    for (const path of paths) await expectNotFound(user, path);
  });
}
