import { describe, expect, it } from "vitest";
import { brandStyle } from "./css-vars";

const vars = (primaryColor: string, darkPrimaryColor: string, backgroundColor = "#f6f7fb") =>
  brandStyle({ primaryColor, darkPrimaryColor, backgroundColor }) as Record<string, string>;

describe("brandStyle", () => {
  it("gives both themes the operator's colours, with readable text on them", () => {
    expect(vars("#4f46e5", "#a5b4fc")).toEqual({
      "--brand-light": "#4f46e5",
      "--brand-light-ink": "#ffffff",
      "--brand-light-text": "#4f46e5",
      "--brand-dark": "#a5b4fc",
      "--brand-dark-ink": "#111827",
      "--brand-dark-text": "#a5b4fc",
      "--bg-light": "#f6f7fb",
    });
  });

  it("falls back to the theme's ink for links when the brand colour would be faint as text", () => {
    // A pale primary passes the console's check (ink text on it) but is unreadable as link text on white.
    expect(vars("#a5b4fc", "#a5b4fc")["--brand-light-text"]).toBe("#111827");
    // A deep dark-mode primary (white text on it) would vanish on the dark card.
    expect(vars("#4f46e5", "#312e81")["--brand-dark-text"]).toBe("#f3f4f6");
  });

  it("checks the light brand text against the operator's background too", () => {
    expect(vars("#6d28d9", "#a5b4fc", "#ffffff")["--brand-light-text"]).toBe("#6d28d9");
    expect(vars("#6d28d9", "#a5b4fc", "#c4b5fd")["--brand-light-text"]).toBe("#111827");
  });
});
