import { randomInt } from "node:crypto";
import type { BrowserContextOptions, Page } from "@playwright/test";
import {
  APP_URL,
  codeField,
  expect,
  expectSignedIn,
  expectSignedOut,
  extractCode,
  mailbox,
  requestSignInCode,
  signOut,
  step,
  submitCode,
  submitPasswordSignIn,
  test,
  uniquePassword,
} from "./fixtures";

/*
 * The account centre (/account/**). Each file run gets its own client
 * address (the app reads X-Forwarded-For, as behind a proxy), so these
 * tests do not spend the per-IP send cap the other specs share.
 */
const IP = `198.51.100.${randomInt(1, 250)}`;
const OTHER_IP = "203.0.113.7";
const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const WRONG_CREDENTIALS = "Email or password is wrong.";

test.use({ extraHTTPHeaders: { "x-forwarded-for": IP } });

/** Another device: own cookies, own address, a Firefox user agent so its session row is easy to tell apart. */
const otherDevice: BrowserContextOptions = { userAgent: FIREFOX_ON_WINDOWS, extraHTTPHeaders: { "x-forwarded-for": OTHER_IP } };

const path = (page: Page) => new URL(page.url()).pathname;
/** The page's own alerts (Next.js's route announcer is an alert too, outside <main>). */
const alerts = (page: Page) => page.getByRole("main").getByRole("alert");

/** The code page's visible text, with the address and the numbers (countdowns) blanked. */
async function codeScreen(page: Page, email: string): Promise<string> {
  await expect(page.getByText(`We sent a code to ${email}`)).toBeVisible();
  const text = await page.getByRole("main").innerText();
  return text.split(email).join("<email>").replace(/\d+/g, "N").replace(/\s+/g, " ").trim();
}

async function signInOn(page: Page, email: string, password: string) {
  await submitPasswordSignIn(page, email, password);
  await expectSignedIn(page, email);
}

/** From a page showing the "Confirm it's you" prompt: confirm with the password and come back. */
async function confirmWithPassword(page: Page, password: string) {
  await step("confirm it's you with the password", async () => {
    const back = path(page);
    await page.getByRole("link", { name: "Confirm it's you", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/verify" && url.searchParams.get("next") === back);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === back);
  });
}

/** Same, with a code emailed to the account's current address. */
async function confirmWithCode(page: Page, email: string) {
  await step("confirm it's you with an email code", async () => {
    const back = path(page);
    await page.getByRole("link", { name: "Confirm it's you", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/verify");
    const after = new Date();
    await page.getByRole("button", { name: "Email me a code", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/verify" && url.searchParams.get("method") === "code");
    await expect(page.getByText(`We sent a code to ${email}`)).toBeVisible();
    const code = await mailbox.waitForCode(email, { after, subject: /confirmation code/ });
    await submitCode(page, code);
    await expect(page).toHaveURL((url) => url.pathname === back);
  });
}

/** A signed-out browser that asks for /account ends up on sign-in. */
async function expectSentToSignIn(page: Page) {
  await page.goto("/account");
  await expect(page).toHaveURL((url) => url.pathname === "/sign-in");
}

test("signed-out visitors are sent to sign-in from every account page", async ({ page }) => {
  for (const target of ["/account", "/account/email", "/account/email/verify", "/account/password", "/account/sessions", "/account/activity", "/account/delete", "/account/verify?next=/account/email"]) {
    await page.goto(target);
    await expect(page, target).toHaveURL((url) => url.pathname === "/sign-in");
  }
});

test("profile: name, avatar and language are saved, and emails follow the language", async ({ page, signedInUser }) => {
  const { email } = signedInUser;

  await page.getByRole("link", { name: "Account", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/account");
  await expect(page.getByRole("heading", { name: "Profile", exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Profile", exact: true })).toHaveAttribute("aria-current", "page");

  await step("a bad avatar URL is refused and what was typed stays", async () => {
    await page.getByLabel("Name", { exact: true }).fill("Aiko Tanaka");
    await page.getByLabel("Avatar URL", { exact: true }).fill("http://example.test/not-https.png");
    await page.getByRole("button", { name: "Save profile", exact: true }).click();
    await expect(alerts(page)).toHaveText("Enter an https:// address of an image.");
    await expect(page.getByLabel("Avatar URL", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Aiko Tanaka");
  });

  await step("save", async () => {
    await page.getByLabel("Avatar URL", { exact: true }).fill("https://example.test/aiko.png");
    await page.getByLabel("Preferred language", { exact: true }).selectOption("ja");
    await page.getByRole("button", { name: "Save profile", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
    await expect(alerts(page)).toHaveCount(0);
  });

  await step("a reload shows the saved profile", async () => {
    await page.goto("/account");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Aiko Tanaka");
    await expect(page.getByLabel("Avatar URL", { exact: true })).toHaveValue("https://example.test/aiko.png");
    await expect(page.getByLabel("Preferred language", { exact: true })).toHaveValue("ja");
    await expect(page.getByRole("img", { name: "Your avatar" })).toHaveAttribute("src", "https://example.test/aiko.png");
  });

  await step("the next code email is in Japanese, though the browser asks for English", async () => {
    // Signed out by forgetting the session here (the signed-in pages are Japanese now; the sign-in page, without a session, is not).
    await page.context().clearCookies();
    const after = new Date();
    await requestSignInCode(page, email);
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in/verify");
    const message = await mailbox.waitForMessage(email, () => true, { after });
    expect(message.subject).toMatch(/サインインコード/);
  });
});

test("change email: a code to the old address, then one to the new address", async ({ page, signedInUser, uniqueEmail, users }) => {
  const { email: oldEmail, password } = signedInUser;
  const newEmail = uniqueEmail("email-new");
  const { email: takenEmail } = await users.create({ prefix: "email-taken" });

  await page.goto("/account/email");
  await expect(page.getByText(`You sign in with ${oldEmail}`)).toBeVisible();
  await expect(page.getByLabel("New email", { exact: true })).toHaveCount(0);

  await confirmWithCode(page, oldEmail);

  let takenScreen = "";
  await step("an address in use gets the screen a free one gets; its owner gets a notice without a code", async () => {
    const after = new Date();
    await page.getByLabel("New email", { exact: true }).fill(takenEmail);
    await page.getByRole("button", { name: "Send code", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/email/verify");
    takenScreen = await codeScreen(page, takenEmail);
    const notice = await mailbox.waitForMessage(takenEmail, (m) => /can't be added to another/.test(m.subject), { after });
    expect(extractCode(notice), "the notice to an address in use must carry no code").toBeNull();
    await page.getByRole("link", { name: "Use a different email", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/email");
  });

  // The confirmation was used up, as it is for any address.
  await confirmWithPassword(page, password);

  await step("a code goes to the new address", async () => {
    const after = new Date();
    await page.getByLabel("New email", { exact: true }).fill(newEmail);
    await page.getByRole("button", { name: "Send code", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/email/verify");
    expect(await codeScreen(page, newEmail)).toBe(takenScreen);
    await submitCode(page, await mailbox.waitForCode(newEmail, { after }));
    await expect(page).toHaveURL((url) => url.pathname === "/account/email");
    await expect(page.getByRole("status").filter({ hasText: `Your email is now ${newEmail}.` })).toBeVisible();
    await expect(page.getByText(`Signed in as ${newEmail}`)).toBeVisible();
  });

  await step("the old address is told", async () => {
    // The new address is masked in it: it goes to an address that may no longer be the owner's.
    const notice = await mailbox.waitForMessage(oldEmail, (m) => /email address was changed/.test(m.subject));
    expect(notice.text).toContain("You can no longer sign in with this address");
  });

  await step("the new address signs in, the old one no longer does", async () => {
    await signOut(page);
    await submitPasswordSignIn(page, oldEmail, password);
    await expect(page.getByText(WRONG_CREDENTIALS)).toBeVisible();
    await signInOn(page, newEmail, password);
  });
});

test("change password: confirmed with the password; other sessions end; the new password works", async ({ page, newPage, signedInUser }) => {
  const { email, password } = signedInUser;
  const newPassword = uniquePassword();
  const other = await newPage(otherDevice);
  await signInOn(other, email, password);

  await page.goto("/account/password");
  await expect(page.getByRole("heading", { name: "Change password", exact: true })).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
  await confirmWithPassword(page, password);

  await step("a mismatched confirmation is refused before anything changes", async () => {
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password", { exact: true }).fill(`${newPassword}x`);
    await page.getByRole("button", { name: "Change password", exact: true }).click();
    await expect(page.getByText("The passwords don't match.")).toBeVisible();
  });

  await step("change it", async () => {
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Change password", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "All your other sessions were signed out." })).toBeVisible();
    // The confirmation was for one change only.
    await expect(page.getByRole("link", { name: "Confirm it's you", exact: true })).toBeVisible();
    await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
  });

  await step("this browser stays signed in, the other one is signed out", async () => {
    await page.goto("/");
    await expectSignedIn(page, email);
    await expectSentToSignIn(other);
  });

  await step("only the new password works", async () => {
    await signOut(page);
    await submitPasswordSignIn(page, email, password);
    await expect(page.getByText(WRONG_CREDENTIALS)).toBeVisible();
    await signInOn(page, email, newPassword);
  });

  await step("the activity lists the sign-in, the confirmation and the change", async () => {
    await page.goto("/account/activity");
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: "Changed the password" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Confirmed it's you with a password" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Signed in with a password" }).first()).toBeVisible();
    await expect(rows.filter({ hasText: "Signed in with a password" }).filter({ hasText: "Firefox on Windows" }).filter({ hasText: OTHER_IP })).toHaveCount(1);
    // Newest first: the latest sign-in is above the password change.
    await expect(rows.nth(1)).toContainText("Signed in with a password");
  });
});

test("sessions: another device shows up and is signed out on its next request", async ({ page, newPage, signedInUser }) => {
  const { email, password } = signedInUser;
  const other = await newPage(otherDevice);
  await signInOn(other, email, password);
  const third = await newPage({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.44" } });
  await signInOn(third, email, password);

  await page.goto("/account/sessions");
  const rows = page.getByRole("table").getByRole("row");
  const otherRow = rows.filter({ hasText: "Firefox on Windows" });
  const thirdRow = rows.filter({ hasText: "192.0.2.44" });
  await expect(rows).toHaveCount(4); // header + 3 sessions
  await expect(rows.filter({ hasText: "This device" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "This device" })).toContainText(IP);
  await expect(otherRow).toContainText(OTHER_IP);
  await expect(otherRow.getByRole("button", { name: /^Sign out/ })).toHaveCount(0);

  await confirmWithPassword(page, password);
  await expect(rows.filter({ hasText: "This device" }).getByRole("button")).toHaveCount(0);

  await step("sign out the other device", async () => {
    await otherRow.getByRole("button", { name: /^Sign out/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "Signed out 1 session." })).toBeVisible();
    await expect(otherRow).toHaveCount(0);
    await expect(rows).toHaveCount(3);
    await expectSentToSignIn(other);
    await page.goto("/");
    await expectSignedIn(page, email);
  });

  await step("sign out all other sessions", async () => {
    await page.goto("/account/sessions");
    await expect(page.getByRole("button", { name: "Sign out all other sessions", exact: true })).toHaveCount(0);
    await confirmWithPassword(page, password);
    await page.getByRole("button", { name: "Sign out all other sessions", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Signed out 1 session." })).toBeVisible();
    await expect(thirdRow).toHaveCount(0);
    await expect(rows).toHaveCount(2);
    await expectSentToSignIn(third);
  });

  await page.goto("/account/activity");
  await expect(page.getByRole("row").filter({ hasText: "Signed out another session" })).toHaveCount(1);
});

test("delete account: confirmed, typed email, everything gone", async ({ page, newPage, signedInUser }) => {
  const { email, password } = signedInUser;
  const other = await newPage(otherDevice);
  await signInOn(other, email, password);

  await page.goto("/account/delete");
  await expect(page.getByLabel("Type your email address to confirm", { exact: true })).toHaveCount(0);
  await confirmWithPassword(page, password);

  await step("the wrong address is refused", async () => {
    await page.getByLabel("Type your email address to confirm", { exact: true }).fill(`not-${email}`);
    await page.getByRole("button", { name: "Delete my account", exact: true }).click();
    await expect(alerts(page)).toContainText("Type your email address exactly as it is shown.");
    await expect(page).toHaveURL((url) => url.pathname === "/account/delete");
  });

  await step("delete", async () => {
    await page.getByLabel("Type your email address to confirm", { exact: true }).fill(email.toUpperCase());
    await page.getByRole("button", { name: "Delete my account", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(page.getByRole("status").filter({ hasText: "Your account was deleted" })).toBeVisible();
    await expectSignedOut(page);
    await expectSentToSignIn(page);
    await expectSentToSignIn(other);
  });

  await step("signing in fails like for an unknown address", async () => {
    await submitPasswordSignIn(page, email, password);
    await expect(page.getByText(WRONG_CREDENTIALS)).toBeVisible();
    const after = new Date();
    await requestSignInCode(page, email);
    await expect(page).toHaveURL((url) => url.pathname === "/sign-in/verify");
    await expect(codeField(page)).toBeVisible();
    await mailbox.waitForMessage(email, (m) => /There's no .* account for this address/.test(m.subject), { after });
  });
});

test("changes without a fresh confirmation are refused by the server", async ({ page, newPage, signedInUser }) => {
  const { email, password } = signedInUser;

  await step("the return path stays inside the account centre", async () => {
    await page.goto("/account/verify?next=https://evil.test/account");
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page).toHaveURL((url) => url.origin === APP_URL && url.pathname === "/account");
  });

  await step("a wrong password is refused", async () => {
    await page.goto("/account/verify?next=/account/password");
    await page.getByLabel("Password", { exact: true }).fill(`${password}-nope`);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(alerts(page)).toHaveText("That password is wrong.");
    await expect(page).toHaveURL((url) => url.pathname === "/account/verify");
  });

  // The confirmation from the first step is still unused: any account page may use it, once.
  await page.goto("/account/password");
  await expect(page.getByLabel("New password", { exact: true })).toBeVisible();
  const stepUp = (await page.context().cookies()).find((cookie) => cookie.name === "mg_stepup");
  expect(stepUp?.httpOnly).toBe(true);

  await step("the confirmation does not carry over to another session", async () => {
    const other = await newPage(otherDevice);
    await signInOn(other, email, password);
    await other.context().addCookies([{ name: "mg_stepup", value: stepUp?.value ?? "", url: APP_URL }]);
    await other.goto("/account/password");
    await expect(other.getByRole("link", { name: "Confirm it's you", exact: true })).toBeVisible();
    await expect(other.getByLabel("New password", { exact: true })).toHaveCount(0);
  });

  await step("the form posted after the confirmation is gone asks to confirm again", async () => {
    await expect(page.getByLabel("New password", { exact: true })).toBeVisible();
    await page.context().clearCookies({ name: "mg_stepup" });
    const newPassword = uniquePassword();
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Change password", exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/account/verify" && url.searchParams.get("next") === "/account/password");
    await expect(page.getByRole("heading", { name: "Confirm it's you", exact: true })).toBeVisible();
  });

  await step("the password did not change", async () => {
    await signOut(page);
    await signInOn(page, email, password);
  });
});

test.describe("without JavaScript", () => {
  test("profile, confirmation and password change work as plain forms", async ({ page, newPage, signedInUser }) => {
    const { email, password } = signedInUser;
    const newPassword = uniquePassword();

    const noJs = await newPage({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": IP } });
    await signInOn(noJs, email, password);

    await step("profile", async () => {
      await noJs.goto("/account");
      await noJs.getByLabel("Name", { exact: true }).fill("No Script");
      await noJs.getByLabel("Preferred language", { exact: true }).selectOption("en");
      await noJs.getByRole("button", { name: "Save profile", exact: true }).click();
      await expect(noJs.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();
      await expect(noJs.getByLabel("Name", { exact: true })).toHaveValue("No Script");
    });

    await step("password change with a confirmation", async () => {
      await noJs.goto("/account/password");
      await confirmWithPassword(noJs, password);
      await noJs.getByLabel("New password", { exact: true }).fill(newPassword);
      await noJs.getByLabel("Confirm new password", { exact: true }).fill("something else entirely");
      await noJs.getByRole("button", { name: "Change password", exact: true }).click();
      await expect(noJs.getByText("The passwords don't match.")).toBeVisible();
      await noJs.getByLabel("New password", { exact: true }).fill(newPassword);
      await noJs.getByLabel("Confirm new password", { exact: true }).fill(newPassword);
      await noJs.getByRole("button", { name: "Change password", exact: true }).click();
      await expect(noJs.getByRole("status").filter({ hasText: "All your other sessions were signed out." })).toBeVisible();
    });

    await step("the browser with JavaScript was signed out", async () => {
      await expectSentToSignIn(page);
    });
  });

  test("confirming with an emailed code works as plain forms", async ({ page, newPage, signedInUser }) => {
    const { email, password } = signedInUser;
    const noJs = await newPage({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": IP } });
    await signInOn(noJs, email, password);
    await noJs.goto("/account/sessions");
    await confirmWithCode(noJs, email);
    await noJs.getByRole("table").getByRole("row").filter({ hasNotText: "This device" }).getByRole("button", { name: /^Sign out/ }).click();
    await expect(noJs.getByRole("status").filter({ hasText: "Signed out 1 session." })).toBeVisible();
    await expectSentToSignIn(page);
  });
});
