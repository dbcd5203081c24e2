import { describe, expect, it } from "vitest";
import { maskEmail } from "./mask-email";

describe("maskEmail", () => {
  it.each([
    ["keeps the first character and the whole domain", "ada.lovelace@example.com", "a•••@example.com"],
    ["masks a one-character local part too", "a@example.com", "a•••@example.com"],
    ["keeps subdomains", "grace@mail.corp.example.co.jp", "g•••@mail.corp.example.co.jp"],
    ["keeps a plus tag hidden", "ada+news@example.com", "a•••@example.com"],
    ["keeps a non-BMP first character whole", "😀ada@example.com", "😀•••@example.com"],
    ["keeps a non-Latin local part's first character", "山田@example.jp", "山•••@example.jp"],
    ["is idempotent", "a•••@example.com", "a•••@example.com"],
    ["masks an empty local part", "@example.com", "•••@example.com"],
    ["masks a string without @ entirely but its first character", "nobody", "n•••"],
  ])("%s", (_name, address, expected) => {
    expect(maskEmail(address)).toBe(expected);
  });

  it("gives the same mask length whatever the local part's length", () => {
    expect(maskEmail("x@example.com").length).toBe(maskEmail("xylophone-collector@example.com").length);
  });
});
