import type { Page } from "@playwright/test";
import {
  ADMIN,
  consoleUrl,
  expect,
  expectNotFound,
  HTTP_HOOK_URL,
  hookBody,
  hookType,
  mailbox,
  signUpUser,
  SINK_AUTH,
  SINK_AUTH_SMTP_PORT,
  SINK_SMTP_PORT,
  test,
  uniqueConsoleEmail,
  waitForHookMessage,
} from "./console-fixtures";

/**
 * The console's email connector set-up, against the console instance (3101).
 * Serial: each test starts from the connector the previous one saved. At the
 * end the console holds SMTP to the sink's open listener (2525), the state
 * console-fixtures.ts documents for the other console specs.
 */
test.describe.configure({ mode: "serial" });

const FROM_ADDRESS = "no-reply@console.test";
const SIGNING_SECRET = "e2e-signing-secret-0123456789abcdef";

const currentConnector = (page: Page) => page.getByRole("region", { name: "Current email connector" });

async function openOverview(page: Page) {
  await page.goto(consoleUrl("/console/connectors"));
  await expect(page.getByRole("heading", { level: 1, name: "Email connector" })).toBeVisible();
}

/** From the overview through the provider choice to `provider`'s form. */
async function chooseProvider(page: Page, provider: string) {
  await openOverview(page);
  const change = page.getByRole("link", { name: "Change email connector", exact: true });
  const setUp = page.getByRole("link", { name: /^Set up/ });
  await (await change.isVisible() ? change : setUp).click();
  await expect(page).toHaveURL((url) => url.pathname === "/console/connectors/new");
  await page.getByRole("link", { name: provider, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^(Set up|Edit) ${provider}$`) })).toBeVisible();
}

async function fillSender(page: Page) {
  await page.getByLabel("From address", { exact: true }).fill(FROM_ADDRESS);
  await page.getByLabel("From name", { exact: true }).fill("Console E2E");
}

type SmtpSettings = { port: number; password?: string; allowPrivate?: boolean };

/** The sink is on loopback: the console's SMTP connector reaches it only with the box ticked (under Advanced). */
async function setAllowPrivate(page: Page, allowPrivate: boolean) {
  const box = page.getByLabel("Allow private network targets", { exact: true });
  if (!(await box.isVisible())) await page.locator("details.advanced > summary").click();
  await box.setChecked(allowPrivate);
}

async function fillSmtp(page: Page, { port, password, allowPrivate = true }: SmtpSettings) {
  await fillSender(page);
  await page.getByLabel("SMTP server", { exact: true }).fill("127.0.0.1");
  await setAllowPrivate(page, allowPrivate);
  await page.getByLabel("Port", { exact: true }).fill(String(port));
  // The sink offers no STARTTLS; "when offered" sends in clear text on loopback.
  await page.getByLabel("Security", { exact: true }).selectOption("starttls-optional");
  if (password === undefined) {
    await page.getByLabel("Authentication", { exact: true }).selectOption("none");
  } else {
    await page.getByLabel("Authentication", { exact: true }).selectOption("login");
    await page.getByLabel("Username", { exact: true }).fill(SINK_AUTH.user);
    await page.getByLabel("Password", { exact: true }).fill(password);
  }
}

async function fillHttp(page: Page, { allowPrivate }: { allowPrivate: boolean }) {
  await fillSender(page);
  await page.getByLabel("Endpoint URL", { exact: true }).fill(HTTP_HOOK_URL);
  await page.getByLabel("Signing secret", { exact: true }).fill(SIGNING_SECRET);
  await setAllowPrivate(page, allowPrivate);
}

const sendTestButton = (page: Page) => page.getByRole("button", { name: "Send test email", exact: true });
const saveButton = (page: Page) => page.getByRole("button", { name: "Save and done", exact: true });
/** The outcome of "Send test email": role=status on success, role=alert on failure. */
const testSection = (page: Page) => page.getByRole("region", { name: "Send a test email" });

async function expectTestSent(page: Page, provider: string) {
  await expect(testSection(page).getByRole("status")).toContainText(
    new RegExp(`Test email sent to ${ADMIN.email.replace(/\./g, "\\.")} through ${provider} in \\d+ ms \\(provider id .+\\)`),
  );
}

async function saveAndExpectOverview(page: Page, provider: string) {
  await saveButton(page).click();
  await expect(page).toHaveURL((url) => url.pathname === "/console/connectors" && url.searchParams.get("saved") === "1");
  await expect(page.getByRole("status")).toContainText(`Email connector saved: ${provider}. New emails use it now.`);
  const region = currentConnector(page);
  await expect(region.getByRole("heading", { name: provider, exact: true })).toBeVisible();
  await expect(region).toContainText("Set up in the console");
  await expect(region).toContainText(`Console E2E <${FROM_ADDRESS}>`);
}

test("non-admins and signed-out visitors get a 404 for every console page", async ({ page, newConsolePage, users }) => {
  const paths = ["/console", "/console/connectors", "/console/connectors/new", "/console/connectors/setup/smtp"];
  for (const path of paths) await expectNotFound(page, path);

  const user = await newConsolePage();
  await users.signIn(user, await users.create({ email: uniqueConsoleEmail("connectors-nonadmin") }));
  for (const path of paths) await expectNotFound(user, path);
  await expect(user.getByText("Email connector")).toHaveCount(0);
});

test("the overview says the environment's connector is in use, and which configuration wins", async ({ adminPage: page }) => {
  await page.goto(consoleUrl("/console"));
  await expect(page).toHaveURL((url) => url.pathname === "/console/connectors");
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav.getByRole("link", { name: "Email connector" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Deliveries" })).toHaveAttribute("href", "/console/deliveries");
  await expect(nav.getByRole("link", { name: "Sign-in experience" })).toHaveAttribute("href", "/console/sign-in-experience");
  await expect(page.getByText(`Signed in as ${ADMIN.email}`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the app" })).toHaveAttribute("href", "/");

  const region = currentConnector(page);
  await expect(region.getByRole("heading", { name: "SMTP", exact: true })).toBeVisible();
  await expect(region).toContainText("From environment variables (EMAIL_CONNECTOR=smtp)");
  await expect(region).toContainText("no-reply@mailgate.test");
  await expect(region.getByRole("link", { name: /messages?$/ })).toHaveAttribute("href", "/console/deliveries?status=failed");
  await expect(page.getByText("A connector saved here takes precedence over the EMAIL_CONNECTOR/SMTP_* environment variables; delete it to fall back to them.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
});

test("SMTP to a loopback server without “Allow private network targets” is refused before the server is asked", async ({ adminPage: page }) => {
  await chooseProvider(page, "SMTP");
  await fillSmtp(page, { port: SINK_AUTH_SMTP_PORT, password: "not-the-password", allowPrivate: false });
  await sendTestButton(page).click();
  const alert = testSection(page).getByRole("alert");
  await expect(alert).toContainText("invalid_config");
  await expect(alert).toContainText("The SMTP server 127.0.0.1 is a loopback address");
  await expect(alert).toContainText("Allow private network targets");
  // Nothing the server would have said (its 535) reaches the page.
  await expect(alert).not.toContainText("535");
});

test("SMTP with the wrong password: the test shows the server's refusal and nothing is saved", async ({ adminPage: page }) => {
  await chooseProvider(page, "SMTP");
  await fillSmtp(page, { port: SINK_AUTH_SMTP_PORT, password: "not-the-password" });
  await sendTestButton(page).click();
  const alert = testSection(page).getByRole("alert");
  await expect(alert).toContainText("auth_failed");
  await expect(alert).toContainText("535 5.7.8 Authentication credentials invalid");
  await expect(alert).not.toContainText("not-the-password");
  // What was typed stays (the password too, in the browser only).
  await expect(page.getByLabel("SMTP server", { exact: true })).toHaveValue("127.0.0.1");
  await expect(page.getByLabel("Port", { exact: true })).toHaveValue(String(SINK_AUTH_SMTP_PORT));

  // Field errors sit next to their field.
  await page.getByLabel("SMTP server", { exact: true }).fill("");
  await saveButton(page).click();
  const host = page.getByLabel("SMTP server", { exact: true });
  await expect(host).toHaveAttribute("aria-invalid", "true");
  const hostError = page.locator("#field-config-host-error");
  await expect(hostError).toBeVisible();
  await expect(host).toHaveAccessibleDescription(new RegExp(`^${await hostError.innerText()}`));
  await expect(page).toHaveURL((url) => url.pathname === "/console/connectors/setup/smtp");

  await openOverview(page);
  await expect(currentConnector(page)).toContainText("From environment variables (EMAIL_CONNECTOR=smtp)");
});

test("SMTP with the right password: the test arrives, Save and done, and sign-up codes go through that server", async ({ adminPage: page, newConsolePage }) => {
  await chooseProvider(page, "SMTP");
  await fillSmtp(page, { port: SINK_AUTH_SMTP_PORT, password: SINK_AUTH.password });
  const after = new Date();
  await sendTestButton(page).click();
  await expectTestSent(page, "SMTP");
  const testMail = await mailbox.waitForMessage(ADMIN.email, (m) => m.port === SINK_AUTH_SMTP_PORT, { after });
  expect(testMail.user).toBe(SINK_AUTH.user);
  expect(testMail.from).toMatch(new RegExp(`^"?Console E2E"? <${FROM_ADDRESS.replace(/\./g, "\\.")}>$`));
  expect(testMail.subject).toMatch(/via SMTP$/);

  // The password typed for the test is still there for the save (no form reset).
  await saveAndExpectOverview(page, "SMTP");

  const { received } = await signUpUser(await newConsolePage(), uniqueConsoleEmail("connectors-smtp-auth"));
  expect(received.via).toBe("smtp");
  if (received.via === "smtp") {
    expect(received.message.port).toBe(SINK_AUTH_SMTP_PORT);
    expect(received.message.user).toBe(SINK_AUTH.user);
  }
});

test("editing shows the saved password only as set, and a blank password keeps it", async ({ adminPage: page }) => {
  await openOverview(page);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/console/connectors/setup/smtp");
  await expect(page.getByRole("heading", { level: 1, name: "Edit SMTP" })).toBeVisible();

  await expect(page.getByLabel("SMTP server", { exact: true })).toHaveValue("127.0.0.1");
  await expect(page.getByLabel("Port", { exact: true })).toHaveValue(String(SINK_AUTH_SMTP_PORT));
  await expect(page.getByLabel("Username", { exact: true })).toHaveValue(SINK_AUTH.user);
  const password = page.getByLabel("Password", { exact: true });
  await expect(password).toHaveValue("");
  await expect(password).toHaveAttribute("type", "password");
  await expect(password).toHaveAttribute("placeholder", /••••• set/);
  await expect(password).toHaveAccessibleDescription(/Leave this blank to keep it/);
  expect(await page.content()).not.toContain(SINK_AUTH.password);
  const raw = await page.request.get(consoleUrl("/console/connectors/setup/smtp"));
  expect(raw.status()).toBe(200);
  expect(await raw.text()).not.toContain(SINK_AUTH.password);

  // Test with the password left blank: the saved one is used.
  let after = new Date();
  await sendTestButton(page).click();
  await expectTestSent(page, "SMTP");
  await mailbox.waitForMessage(ADMIN.email, (m) => m.port === SINK_AUTH_SMTP_PORT && m.user === SINK_AUTH.user, { after });

  // Save with it blank, then test again from a fresh edit form.
  await saveAndExpectOverview(page, "SMTP");
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  after = new Date();
  await sendTestButton(page).click();
  await expectTestSent(page, "SMTP");
  await mailbox.waitForMessage(ADMIN.email, (m) => m.port === SINK_AUTH_SMTP_PORT, { after });
});

test("HTTP connector to a loopback address without “Allow private network targets” is refused", async ({ adminPage: page }) => {
  await chooseProvider(page, "HTTP endpoint");
  await fillHttp(page, { allowPrivate: false });
  await sendTestButton(page).click();
  const alert = testSection(page).getByRole("alert");
  await expect(alert).toContainText(/loopback|private/i);
  await expect(alert).not.toContainText(SIGNING_SECRET);

  await openOverview(page);
  await expect(currentConnector(page).getByRole("heading", { name: "SMTP", exact: true })).toBeVisible();
});

test("HTTP connector: the test arrives at the endpoint, Save and done, and sign-up codes are POSTed signed", async ({ adminPage: page, newConsolePage }) => {
  await chooseProvider(page, "HTTP endpoint");
  await expect(page.getByText("Saving replaces the current connector (SMTP)")).toBeVisible();
  await fillHttp(page, { allowPrivate: true });
  let after = new Date();
  await sendTestButton(page).click();
  await expectTestSent(page, "HTTP endpoint");
  const testHook = await waitForHookMessage(ADMIN.email, (m) => hookType(m) === "ConnectorTest", { after });
  expect(testHook.headers["x-mailgate-signature"]).toBeTruthy();

  await saveAndExpectOverview(page, "HTTP endpoint");

  const email = uniqueConsoleEmail("connectors-http");
  after = new Date();
  const { received } = await signUpUser(await newConsolePage(), email);
  expect(received.via).toBe("http");
  const hook = await waitForHookMessage(email, (m) => hookType(m) === "Register", { after });
  const body = hookBody(hook);
  expect(body.to).toBe(email);
  expect(String(body.payload.code)).toMatch(/^\d{6}$/);
  expect(String(body.payload.code)).toBe(received.code);
  expect(hook.headers["x-mailgate-signature"]).toBeTruthy();
  expect(hook.headers["x-mailgate-timestamp"]).toMatch(/^\d+$/);
  expect(hook.headers["content-type"]).toContain("application/json");
});

test("delete is refused while features send email, and says which", async ({ adminPage: page }) => {
  await openOverview(page);
  await page.getByText("Delete", { exact: true }).click();
  await page.getByRole("button", { name: "Yes, delete the email connector" }).click();
  const alert = page.locator(".alert-error");
  await expect(alert).toContainText("can't be deleted");
  await expect(alert).toContainText("email sign-up (address verification)");
  await expect(alert).toContainText("sign-in with an email code");
  await expect(alert).toContainText("password reset by email");
  await openOverview(page);
  await expect(currentConnector(page).getByRole("heading", { name: "HTTP endpoint", exact: true })).toBeVisible();
});

test("every provider's form labels every field, and works from the keyboard", async ({ adminPage: page }) => {
  await page.goto(consoleUrl("/console/connectors/new"));
  const cards = page.getByRole("listitem").getByRole("heading").getByRole("link");
  const hrefs = await cards.evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs).toEqual(expect.arrayContaining(["/console/connectors/setup/smtp", "/console/connectors/setup/http", "/console/connectors/setup/dev"]));
  await expect(page.getByText("For development", { exact: true })).toBeVisible();

  for (const href of hrefs) {
    await page.goto(consoleUrl(href));
    const unlabelled = await page.locator("form.connector-form").evaluate((form) =>
      [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input, select, textarea")]
        .filter((el) => el.type !== "hidden" && !el.name.startsWith("$"))
        .filter((el) => (el.labels?.length ?? 0) === 0 && !el.getAttribute("aria-label"))
        .map((el) => el.name),
    );
    expect(unlabelled, `unlabelled fields on ${href}`).toEqual([]);
    await expect(page.getByLabel("From address", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Send test to", { exact: true })).toHaveValue(ADMIN.email);
  }

  await page.goto(consoleUrl("/console/connectors/setup/smtp"));
  await page.getByLabel("From address", { exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("From name", { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("SMTP server", { exact: true })).toBeFocused();
  // Conditional fields follow the select; hidden ones are out of the tab order.
  await page.getByLabel("Authentication", { exact: true }).selectOption("none");
  await expect(page.getByLabel("Username", { exact: true })).toBeHidden();
  await page.getByLabel("Authentication", { exact: true }).selectOption("oauth2");
  await expect(page.getByLabel("OAuth client ID", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toBeHidden();
  // The guide is the connector's README, beside the form.
  await expect(page.getByRole("complementary", { name: "SMTP guide" }).getByRole("heading", { name: "SMTP connector" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("conditional fields follow the select; Send test email and Save and done post as plain forms", async ({ page, signInAsAdmin }) => {
    await signInAsAdmin(page);
    await page.goto(consoleUrl("/console/connectors/setup/smtp"));
    await page.getByLabel("Authentication", { exact: true }).selectOption("none");
    await expect(page.getByLabel("Username", { exact: true })).toBeHidden();
    await expect(page.getByLabel("Password", { exact: true })).toBeHidden();
    await page.getByLabel("Authentication", { exact: true }).selectOption("login");
    await expect(page.getByLabel("Username", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toBeVisible();

    await fillSmtp(page, { port: SINK_AUTH_SMTP_PORT, password: SINK_AUTH.password });
    const after = new Date();
    await sendTestButton(page).click();
    await expectTestSent(page, "SMTP");
    await mailbox.waitForMessage(ADMIN.email, (m) => m.port === SINK_AUTH_SMTP_PORT, { after });
    await expect(page.getByLabel("SMTP server", { exact: true })).toHaveValue("127.0.0.1");
    await expect(page.getByLabel("From address", { exact: true })).toHaveValue(FROM_ADDRESS);
    // Never echoed back into the page: without JavaScript it is typed again before saving.
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    expect(await page.content()).not.toContain(SINK_AUTH.password);
    await page.getByLabel("Password", { exact: true }).fill(SINK_AUTH.password);
    await saveAndExpectOverview(page, "SMTP");
  });
});

test("back to SMTP on the open listener (the state the other console specs expect)", async ({ adminPage: page, newConsolePage }) => {
  await chooseProvider(page, "SMTP");
  await fillSmtp(page, { port: SINK_SMTP_PORT });
  await sendTestButton(page).click();
  await expectTestSent(page, "SMTP");
  await saveAndExpectOverview(page, "SMTP");
  const { received } = await signUpUser(await newConsolePage(), uniqueConsoleEmail("connectors-restored"));
  expect(received.via).toBe("smtp");
  if (received.via === "smtp") expect(received.message.port).toBe(SINK_SMTP_PORT);
});
