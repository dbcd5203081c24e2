import { readBuild } from "./fuzz/build-info";
import { expectNotFound, test } from "./console-fixtures";

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
  test(`console pages are a plain 404 for anyone but an admin (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ newConsolePage, users }) => {
    const paths = consolePaths();
    test.expect(paths.length).toBeGreaterThan(4);
    const visitor = await newConsolePage({ javaScriptEnabled });
    for (const path of paths) await expectNotFound(visitor, path);
    const user = await newConsolePage({ javaScriptEnabled });
    await users.signIn(user, await users.create({ prefix: "not-admin" }));
    for (const path of paths) await expectNotFound(user, path);
  });
}
