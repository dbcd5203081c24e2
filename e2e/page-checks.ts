import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * The checks e2e/phones.spec.ts and e2e/a11y.spec.ts (and their console-*
 * twins) run on every page: nothing wider than a phone's screen; the skip
 * link first, and no axe-core finding under WCAG 2.1 A/AA, in light and dark.
 */

/** The narrowest phones still sold (320 px) and today's common width (390 px). */
export const PHONE_WIDTHS = [320, 390] as const;
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** A page to check: a path to open, or `null` for the page the test has just reached (a code page, after its form). */
export type Target = string | null;

const describe = (target: Target, page: Page) => target ?? new URL(page.url()).pathname;

/** The elements that stick out past the right edge, innermost first, named by tag and class: the reason a page scrolls sideways. */
function overflowing(): string[] {
  const limit = document.documentElement.clientWidth + 0.5;
  return [...document.body.querySelectorAll("*")]
    .filter((element) => element.getBoundingClientRect().right > limit && ![...element.children].some((child) => child.getBoundingClientRect().right > limit))
    .slice(0, 5)
    .map((element) => `${element.tagName.toLowerCase()}${element.className && typeof element.className === "string" ? `.${element.className.trim().replace(/\s+/g, ".")}` : ""}`);
}

/** Opens `target` on a phone-sized window; at each of PHONE_WIDTHS, the document is no wider than the window. */
export async function expectFitsPhones(page: Page, target: Target) {
  await test.step(`${describe(target, page)} fits 320 and 390 px`, async () => {
    await page.setViewportSize({ width: PHONE_WIDTHS[0], height: 800 });
    if (target !== null) await page.goto(target);
    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const measured = await page.evaluate(`({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, culprits: (${overflowing.toString()})() })`);
      const { scrollWidth, innerWidth, culprits } = measured as { scrollWidth: number; innerWidth: number; culprits: string[] };
      expect(scrollWidth, `${describe(target, page)} at ${width} px is ${scrollWidth} px wide; sticking out: ${culprits.join(", ")}`).toBeLessThanOrEqual(innerWidth);
    }
  });
}

/** Opens `target`; axe-core finds no WCAG 2.1 A/AA violation in light, then in dark (prefers-color-scheme). */
export async function expectAccessible(page: Page, target: Target) {
  await test.step(`${describe(target, page)} passes axe in light and dark`, async () => {
    if (target !== null) {
      await page.goto(target);
      // A page that focuses its first field (the auth forms' autoFocus) starts inside <main>, past what the
      // skip link skips; elsewhere the first Tab reaches the skip link (app/layout.tsx). Axe then checks it shown.
      if (await page.evaluate(() => document.activeElement?.closest("main#main") != null)) await page.locator('a[href="#main"]').focus();
      else await page.keyboard.press("Tab");
      await expect(page.locator(":focus")).toHaveAttribute("href", "#main");
    }
    await expect(page.locator("main#main"), "the skip link's target").toHaveCount(1);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      // Email previews are iframes with sandbox="": no script runs in them, so axe cannot be injected
      // (it would wait there forever), and what they show is an email, not this page. Those are the
      // only frames, so legacy mode (axe.run in the page) misses nothing, and it halves the time:
      // the default opens a blank page for every run to merge the frames' results.
      const { violations } = await new AxeBuilder({ page }).setLegacyMode().withTags(WCAG_21_AA).exclude('iframe[sandbox=""]').analyze();
      const found = violations.map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
      expect(found, `${describe(target, page)} in ${colorScheme}`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: "light" });
  });
}
