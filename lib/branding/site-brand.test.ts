import { describe, expect, it } from "vitest";
import { brandingSchema } from "@/lib/settings/schema";
import { DEFAULT_SITE_BRAND } from "./site-brand-type";
import { DEFAULT_ICON, siteBrandOf, siteMetadata } from "./site-brand";

const sha = "a".repeat(64);

describe("siteMetadata", () => {
  it("uses the operator's favicon when one was uploaded", () => {
    const metadata = siteMetadata(brandingSchema.parse({ productName: "Acme ID", faviconAsset: sha }));
    expect(metadata.icons).toEqual({ icon: [{ url: `/brand-assets/${sha}`, type: "image/png" }] });
    expect(metadata.title).toEqual({ default: "Acme ID", template: "%s · Acme ID" });
  });

  it("falls back to the icon shipped with the app", () => {
    expect(siteMetadata(brandingSchema.parse({})).icons).toEqual({ icon: [{ url: DEFAULT_ICON, type: "image/svg+xml" }] });
  });
});

describe("siteBrandOf", () => {
  it("gives the client the name, the logo and the colours", () => {
    const brand = siteBrandOf(brandingSchema.parse({ productName: "Acme ID", logoAsset: sha, primaryColor: "#0a7c42" }));
    expect(brand).toMatchObject({ productName: "Acme ID", logo: `/brand-assets/${sha}`, style: { "--brand-light": "#0a7c42", "--brand-light-text": "#0a7c42" } });
  });

  it("has defaults matching the settings' defaults, for where the settings cannot be read", () => {
    expect(DEFAULT_SITE_BRAND.productName).toBe(brandingSchema.parse({}).productName);
    expect(DEFAULT_SITE_BRAND.logo).toBe(siteBrandOf(brandingSchema.parse({})).logo);
  });
});
