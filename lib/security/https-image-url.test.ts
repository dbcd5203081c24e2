import { describe, expect, it } from "vitest";
import { httpsImageUrl } from "./https-image-url";

describe("httpsImageUrl", () => {
  it("keeps an https address, normalised", () => {
    expect(httpsImageUrl("https://Example.com/a b.png")).toBe("https://example.com/a%20b.png");
  });

  it.each(["http://example.com/a.png", "javascript:alert(1)", "data:image/png;base64,AA", "https://user:pw@example.com/a.png", "https://", "not a url", ""])(
    "refuses %j",
    (value) => expect(httpsImageUrl(value)).toBeNull(),
  );
});
