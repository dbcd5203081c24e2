import { describe, expect, it } from "vitest";
import { suggestSlug } from "./suggest-slug";
import { parseOrgSlug, SLUG_MAX } from "./validate-organization";

describe("suggestSlug", () => {
  it.each([
    ["Acme", "acme"],
    ["Acme Research, Inc.", "acme-research-inc"],
    ["  Café   Ünïcode  ", "cafe-unicode"],
    ["ＡＣＭＥ ２", "acme-2"],
    ["--Hello__World--", "hello-world"],
    ["AB", "ab-org"],
    ["New", "new-org"],
    ["Settings", "settings-org"],
  ])("%j → %j", (name, slug) => {
    expect(suggestSlug(name)).toBe(slug);
  });

  it("gives nothing for a name without Latin letters or digits", () => {
    expect(suggestSlug("株式会社")).toBe("");
    expect(suggestSlug("  !!! ")).toBe("");
  });

  it("stays within the slug's length without a trailing hyphen", () => {
    const slug = suggestSlug(`${"a".repeat(SLUG_MAX - 1)} bcd`);
    expect(slug).toBe("a".repeat(SLUG_MAX - 1));
  });

  it.each(["Acme", "A", "Über Größe GmbH & Co. KG", "x".repeat(200), "Orgs", "9 Lives", "a-b"])("suggests a slug parseOrgSlug accepts for %j", (name) => {
    expect(parseOrgSlug(suggestSlug(name)).ok).toBe(true);
  });
});
