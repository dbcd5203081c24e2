import { describe, expect, it } from "vitest";
import { EMPTY_EMAIL_MESSAGE, INVALID_EMAIL_MESSAGE, emailKey, normalizeEmail } from "./email";

describe("normalizeEmail: accepted", () => {
  it.each([
    ["plain", "name@example.com", "name@example.com"],
    ["fullwidth (NFKC)", "ｕｓｅｒ＠example.com", "user@example.com"],
    ["fullwidth domain", "user＠ｅｘａｍｐｌｅ．ｃｏｍ", "user@example.com"],
    ["uppercase domain", "name@EXAMPLE.COM", "name@example.com"],
    ["local-part case kept", "Alice.Smith@Example.Com", "Alice.Smith@example.com"],
    ["trailing spaces", "name@example.com   ", "name@example.com"],
    ["surrounding whitespace and tabs", "\t name@example.com \n", "name@example.com"],
    ["ideographic space trimmed", "\u3000name@example.com\u3000", "name@example.com"],
    ["plus tag and subdomain", "first.last+tag@mail.example.co.uk", "first.last+tag@mail.example.co.uk"],
    ["atext specials", "o'brien_#1!~@example.org", "o'brien_#1!~@example.org"],
    ["IDN domain lowercased", "user@BÜCHER.de", "user@bücher.de"],
    ["punycode domain", "user@xn--bcher-kva.de", "user@xn--bcher-kva.de"],
    ["non-ASCII local part", "jörg@example.com", "jörg@example.com"],
    ["hyphenated domain", "a@my-host.example", "a@my-host.example"],
    ["64-octet local part", `${"a".repeat(64)}@example.com`, `${"a".repeat(64)}@example.com`],
  ])("%s", (_name, input, email) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, email });
  });
});

describe("normalizeEmail: rejected", () => {
  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["not a string", null],
  ])("asks for an address when %s", (_name, input) => {
    expect(normalizeEmail(input)).toEqual({ ok: false, message: EMPTY_EMAIL_MESSAGE });
  });

  const longDomain = `${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.com`;
  it.each([
    ["missing @", "name.example.com"],
    ["two @", "name@host@example.com"],
    ["empty local part", "@example.com"],
    ["empty domain", "name@"],
    ["domain without a dot", "name@localhost"],
    ["domain with leading dot", "name@.example.com"],
    ["domain with trailing dot", "name@example.com."],
    ["domain with consecutive dots", "name@example..com"],
    ["label starting with hyphen", "name@-example.com"],
    ["label ending with hyphen", "name@example-.com"],
    ["underscore in domain", "name@ex_ample.com"],
    ["label longer than 63", `name@${"a".repeat(64)}.com`],
    ["numeric TLD / IP address", "name@192.168.0.1"],
    ["domain literal", "name@[192.168.0.1]"],
    ["percent in domain", "name@exa%6dple.com"],
    ["local part with consecutive dots", "first..last@example.com"],
    ["local part with leading dot", ".name@example.com"],
    ["local part with trailing dot", "name.@example.com"],
    ["quoted local part", '"john doe"@example.com'],
    ["quoted local part without space", '"john"@example.com'],
    ["special characters", "na(me)@example.com"],
    ["inner space", "na me@example.com"],
    ["space before @", "name @example.com"],
    ["no-break space", "name\u00a0@example.com"],
    ["control character", "name\u0007@example.com"],
    ["NUL", "name\u0000@example.com"],
    ["newline inside", "name@exam\nple.com"],
    ["zero-width space", "na\u200bme@example.com"],
    ["local part longer than 64", `${"a".repeat(65)}@example.com`],
    ["address longer than 254", `${"a".repeat(64)}@${longDomain}`],
    ["display name form", "Name <name@example.com>"],
  ])("%s", (_name, input) => {
    expect(normalizeEmail(input)).toEqual({ ok: false, message: INVALID_EMAIL_MESSAGE });
  });

  it("the over-long case is over the limit only because of its length", () => {
    const longDomain = `${"a".repeat(60)}.${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.com`;
    expect(`${"a".repeat(64)}@${longDomain}`.length).toBeGreaterThan(254);
    expect(normalizeEmail(`a@${longDomain}`)).toEqual({ ok: true, email: `a@${longDomain}` });
  });
});

describe("emailKey", () => {
  it("lowercases the whole address", () => {
    expect(emailKey("Alice.Smith@example.com")).toBe("alice.smith@example.com");
  });

  it("gives the same key for addresses differing only in case or width", () => {
    const a = normalizeEmail("ALICE@Example.com");
    const b = normalizeEmail("ａｌｉｃｅ＠example.COM");
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(a.email).not.toBe(b.email);
      expect(emailKey(a.email)).toBe(emailKey(b.email));
    }
  });

  it("is idempotent", () => {
    const key = emailKey("Bob@Example.com");
    expect(emailKey(key)).toBe(key);
  });
});
