import { describe, expect, it } from "vitest";
import { getConnectorGuide, renderGuide, slug } from "./guide";

describe("renderGuide", () => {
  it("shows raw HTML as text", () => {
    const html = renderGuide('Hello <script>alert(1)</script>\n\n<div onclick="x()">block</div>\n');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<div");
    expect(html).toContain("&lt;script&gt;");
  });

  it("opens external links in a new tab without an opener", () => {
    expect(renderGuide("[docs](https://example.com/x)")).toContain('<a href="https://example.com/x" target="_blank" rel="noopener noreferrer">docs</a>');
  });

  it("keeps app paths and mailto links, drops script and repository-relative links", () => {
    expect(renderGuide("[box](/dev/mailbox)")).toContain('<a href="/dev/mailbox">box</a>');
    expect(renderGuide("[mail](mailto:ops@example.com)")).toContain('href="mailto:ops@example.com"');
    const unsafe = renderGuide("[x](javascript:alert(1)) [schema](schema.ts) [proto](//evil.example)");
    expect(unsafe).not.toContain("<a");
    expect(unsafe).toContain("schema");
  });

  it("renders images as their alt text", () => {
    const html = renderGuide("![diagram of the flow](https://example.com/a.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain("diagram of the flow");
  });

  it("demotes headings and gives them ids that in-page links point to", () => {
    const html = renderGuide("# Title\n\n## 465 or 587?\n\nSee [below](#465-or-587).");
    expect(html).toContain('<h2 id="guide-title">Title</h2>');
    expect(html).toContain('<h3 id="guide-465-or-587">465 or 587?</h3>');
    expect(html).toContain('<a href="#guide-465-or-587">below</a>');
    expect(slug("OAuth 2.0 (XOAUTH2)")).toBe("oauth-20-xoauth2");
  });
});

describe("getConnectorGuide", () => {
  it("reads a registered connector's README", async () => {
    expect(await getConnectorGuide("smtp")).toContain("SMTP connector");
  });

  it("refuses anything that is not a registry id", async () => {
    expect(await getConnectorGuide("../../README")).toBeNull();
    expect(await getConnectorGuide("constructor")).toBeNull();
  });
});
