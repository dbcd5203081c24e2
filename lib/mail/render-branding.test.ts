import { describe, expect, it } from "vitest";
import { defaultBranding, type Branding } from "@/lib/settings/schema";
import { renderEmail, renderEmailFresh, sampleRenderInput } from "./render";

const ASSET = "a".repeat(64);
const branded: Branding = {
  ...defaultBranding,
  productName: "Acme <b>Cloud</b>",
  logoAsset: ASSET,
  logoUrl: "https://cdn.example.com/ignored.png",
  darkPrimaryColor: "#fbbf24",
  termsUrl: "https://acme.example/terms",
  privacyUrl: "https://acme.example/privacy",
};

describe("branding in emails", () => {
  it("shows an uploaded logo by its absolute URL under APP_URL, over an https logo URL", async () => {
    const { html } = await renderEmail({ ...sampleRenderInput("SignIn"), branding: branded, appUrl: "https://auth.acme.example/" });
    expect(html).toContain(`src="https://auth.acme.example/brand-assets/${ASSET}"`);
    expect(html).not.toContain("ignored.png");
    expect(html).toContain('alt="Acme &lt;b&gt;Cloud&lt;/b&gt;"');
  });

  it("has a <title>, a dark palette in the dark primary colour, and translated legal links", async () => {
    const en = await renderEmail({ ...sampleRenderInput("SignIn"), branding: branded });
    expect(en.html).toContain("<title>Your sign-in code</title>");
    expect(en.html).toMatch(/@media \(prefers-color-scheme: dark\)[^}]*\{[\s\S]*a\.mg-action \{ background-color: #fbbf24 !important; color: #111827 !important; \}/);
    expect(en.html).toContain('href="https://acme.example/terms"');
    expect(en.text).toContain("Terms of service https://acme.example/terms · Privacy policy https://acme.example/privacy");
    const ja = await renderEmail({ ...sampleRenderInput("SignIn", "ja"), branding: branded });
    expect(ja.text).toContain("利用規約 https://acme.example/terms");
    expect(ja.text).toContain("プライバシーポリシー");
  });

  it("leaves out links that are not http(s) and a logo id that is not a hash", async () => {
    const hostile = { ...branded, termsUrl: "javascript:alert(1)", logoAsset: "../../etc/passwd", logoUrl: "javascript:alert(2)" } as Branding;
    const { html } = await renderEmailFresh({ ...sampleRenderInput("SignIn"), branding: hostile });
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("passwd");
    expect(html).not.toContain("<img");
  });
});
