import type { Page } from "@playwright/test";
import { CONSOLE_URL, consoleUrl, expect, mailbox, test } from "./console-fixtures";
import { step } from "./fixtures";

/**
 * The branding console (/console/branding) on the console instance. Serial:
 * the second test saves a branding that the sign-in pages and emails of this
 * instance show, and puts the defaults back at the end (the other console
 * specs expect them).
 */
test.describe.configure({ mode: "serial" });

const DEFAULTS = { productName: "Mailgate", primaryColor: "#4f46e5", darkPrimaryColor: "#a5b4fc", termsUrl: "" };

/** A logo with a script and an external image in it: rasterised, neither survives. */
const SVG_LOGO = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32"><script>alert(1)</script>` +
    `<image href="https://example.com/x.png" width="4" height="4"/><rect width="120" height="32" rx="6" fill="#0a7c42"/></svg>`,
);

async function openBranding(page: Page) {
  await page.goto(consoleUrl("/console/branding"));
  await expect(page.getByRole("heading", { level: 1, name: "Branding" })).toBeVisible();
}

type Upload = { name: string; mimeType: string; buffer: Buffer };
type LogoChoice = { removeLogo?: boolean; upload?: Upload; favicon?: Upload; removeFavicon?: boolean };

async function saveBranding(page: Page, fields: Partial<Record<keyof typeof DEFAULTS, string>>, options: LogoChoice = {}) {
  await openBranding(page);
  if (options.upload) await page.getByLabel("Upload a logo", { exact: true }).setInputFiles(options.upload);
  if (options.favicon) await page.getByLabel("Upload a favicon", { exact: true }).setInputFiles(options.favicon);
  if (fields.productName !== undefined) await page.getByLabel("Product name", { exact: true }).fill(fields.productName);
  if (fields.primaryColor !== undefined) await page.getByLabel("Primary colour", { exact: true }).fill(fields.primaryColor);
  if (fields.darkPrimaryColor !== undefined) await page.getByLabel("Primary colour in dark mode", { exact: true }).fill(fields.darkPrimaryColor);
  if (fields.termsUrl !== undefined) await page.getByLabel("Terms of service (https address)", { exact: true }).fill(fields.termsUrl);
  if (options.removeLogo) await page.getByLabel("Remove the logo (show the product name only)", { exact: true }).check();
  if (options.removeFavicon) await page.getByLabel("Remove the favicon", { exact: true }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

test("a primary colour that no button text can be read on is refused with the measured ratio", async ({ adminPage: page }) => {
  await saveBranding(page, { primaryColor: "#7a7a7a" });
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
  await expect(page.getByText("Button text on #7a7a7a reaches only 4.29:1 (with white text, the better choice); WCAG AA needs 4.50:1.")).toBeVisible();
  await expect(page.getByLabel("Primary colour", { exact: true })).toHaveValue("#7a7a7a");
  await openBranding(page);
  await expect(page.getByLabel("Primary colour", { exact: true })).toHaveValue(DEFAULTS.primaryColor);
});

test("the preview follows the form before anything is saved", async ({ adminPage: page }) => {
  await openBranding(page);
  await page.getByLabel("Product name", { exact: true }).fill("Preview Only Co");
  await page.getByLabel("Primary colour", { exact: true }).fill("#b91c1c");
  const light = page.getByRole("figure", { name: "Sign-in page preview, light" });
  await expect(light).toContainText("Preview Only Co");
  await expect(light.getByText("Continue", { exact: true })).toHaveCSS("background-color", "rgb(185, 28, 28)");
  const email = page.frameLocator('iframe[title="Email preview"]');
  await expect(email.locator("body")).toContainText("Enter this code to sign in to Preview Only Co.");
  await openBranding(page);
  await expect(page.getByLabel("Product name", { exact: true })).toHaveValue(DEFAULTS.productName);
});

test("without JavaScript, Preview and Save post the form", async ({ newConsolePage, signInAsAdmin }) => {
  const page = await newConsolePage({ javaScriptEnabled: false });
  await signInAsAdmin(page);
  await openBranding(page);
  await page.getByLabel("Product name", { exact: true }).fill("No Script Co");
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(page.getByRole("figure", { name: "Sign-in page preview, dark" })).toContainText("No Script Co");
  await expect(page.frameLocator('iframe[title="Email preview"]').locator("body")).toContainText("Enter this code to sign in to No Script Co.");
  await page.getByLabel("Primary colour in dark mode", { exact: true }).fill("#7a7a7a");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Button text in dark mode on #7a7a7a reaches only 4.29:1", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Product name", { exact: true })).toHaveValue("No Script Co");
  await openBranding(page);
  await expect(page.getByLabel("Product name", { exact: true })).toHaveValue(DEFAULTS.productName);
});

test("a saved branding shows on the sign-in page and in the next email", async ({ adminPage: page, newConsolePage, users }) => {
  const name = "Acme Branding E2E";
  try {
    const upload = { name: "logo.svg", mimeType: "image/svg+xml", buffer: SVG_LOGO };
    await saveBranding(page, { productName: name, primaryColor: "#0A7C42", darkPrimaryColor: "#fbbf24", termsUrl: "https://acme.example/terms" }, { upload, favicon: upload });
    await expect(page.getByRole("status").filter({ hasText: "Saved. Every page and email uses this branding from now on." })).toBeVisible();
    await expect(page.getByLabel("Primary colour", { exact: true })).toHaveValue("#0a7c42");

    const visitor = await newConsolePage();
    await visitor.goto(consoleUrl("/sign-in"));
    await expect(visitor).toHaveTitle(`Sign in · ${name}`);
    const brand = visitor.locator(".auth-card .brand");
    await expect(brand).toContainText(name);
    const logo = await brand.locator("img").getAttribute("src");
    expect(logo).toMatch(/^\/brand-assets\/[0-9a-f]{64}$/);
    await expect(visitor.getByRole("button", { name: "Sign in", exact: true })).toHaveCSS("background-color", "rgb(10, 124, 66)");
    await expect(visitor.getByRole("link", { name: "Terms of service" })).toHaveAttribute("href", "https://acme.example/terms");
    await expect(visitor.locator('link[rel="icon"]')).toHaveAttribute("href", /^\/brand-assets\/[0-9a-f]{64}$/);

    await step("the home page and the 404 wear the same branding and favicon", async () => {
      for (const path of ["/", "/no-such-page"]) {
        await visitor.goto(consoleUrl(path));
        await expect(visitor.locator("main .brand")).toContainText(name);
        await expect(visitor.locator("main .brand img")).toHaveAttribute("src", logo!);
        await expect(visitor.locator('link[rel="icon"]')).toHaveAttribute("href", /^\/brand-assets\/[0-9a-f]{64}$/);
      }
      await expect(visitor).toHaveTitle(`Page not found · ${name}`);
    });

    const served = await fetch(new URL(logo!, CONSOLE_URL));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const png = Buffer.from(await served.arrayBuffer());
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.toString("latin1")).not.toMatch(/script|example\.com/);
    expect((await fetch(new URL(`/brand-assets/${"0".repeat(64)}`, CONSOLE_URL))).status).toBe(404);

    const user = await users.create({ prefix: "branding" });
    const after = new Date();
    await visitor.goto(consoleUrl("/sign-in?method=code"));
    await visitor.getByLabel("Email", { exact: true }).fill(user.email);
    await visitor.getByRole("button", { name: "Email me a code", exact: true }).click();
    const mail = await mailbox.waitForMessage(user.email, (m) => m.subject.includes(name), { after });
    expect(mail.subject).toMatch(new RegExp(`^\\d{6} is your ${name} sign-in code$`));
    expect(mail.html).toContain(`src="${new URL(logo!, CONSOLE_URL).href}"`);
    expect(mail.html).toContain("border:2px solid #0a7c42");
    expect(mail.html).toContain("a.mg-action { background-color: #fbbf24 !important;");
    expect(mail.text).toContain("Terms of service https://acme.example/terms");
  } finally {
    await saveBranding(page, DEFAULTS, { removeLogo: true, removeFavicon: true });
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  }
});
