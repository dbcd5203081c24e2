import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS_PATH, getCommonPasswords, isCommonPassword } from "./common-passwords";
import {
  DUMMY_HASH,
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  passwordLength,
  verifyAgainstDummy,
  verifyPassword,
} from "./password";

const PHC_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$";

describe("hashPassword / verifyPassword", () => {
  it("round-trips and produces an argon2id PHC string with the current parameters", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash.startsWith(PHC_PREFIX)).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery staple")).toBe(true);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
  });

  it("returns false for a wrong password", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hash, "correct horse battery stapler")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it.each([
    ["empty", ""],
    ["garbage", "not-a-hash"],
    ["truncated PHC", "$argon2id$v=19$m=19456,t=2,p=1$zz$zz"],
    ["bcrypt", "$2b$10$abcdefghijklmnopqrstuuRZ0ZQ0Y8g0Z3f2F1G8vJ5b0h6m7Q8e"],
  ])("returns false (does not throw) for a malformed hash: %s", async (_name, bad) => {
    await expect(verifyPassword(bad, "anything")).resolves.toBe(false);
  });

  it("returns false for non-string input instead of throwing", async () => {
    const hash = await hashPassword("correct horse battery staple");
    await expect(verifyPassword(hash, undefined as unknown as string)).resolves.toBe(false);
    await expect(verifyPassword(null as unknown as string, "x")).resolves.toBe(false);
  });

  it("hashes the NFC form, so composed and decomposed input match", async () => {
    const composed = "caf\u00e9-au-lait-please";
    const decomposed = "cafe\u0301-au-lait-please";
    const hash = await hashPassword(decomposed);
    expect(await verifyPassword(hash, composed)).toBe(true);
  });

  it("verifyAgainstDummy always resolves to false", async () => {
    await expect(verifyAgainstDummy("whatever")).resolves.toBe(false);
  });
});

describe("needsRehash", () => {
  it("is false for a hash made with the current parameters", async () => {
    expect(needsRehash(await hashPassword("correct horse battery staple"))).toBe(false);
  });

  it("DUMMY_HASH uses the current parameters (so it costs the same as a real verify)", () => {
    expect(DUMMY_HASH.startsWith(PHC_PREFIX)).toBe(true);
    expect(needsRehash(DUMMY_HASH)).toBe(false);
  });

  it.each([
    ["lower memory", "$argon2id$v=19$m=8,t=1,p=1$JzpYf/QT6bU50Q3QUdIehg$zp49C1bc7VqAnLzKHjDMvelMRnFGSdMAaHa2r9aGMHk"],
    ["argon2i", DUMMY_HASH.replace("$argon2id$", "$argon2i$")],
    ["more passes", DUMMY_HASH.replace(",t=2,", ",t=3,")],
    ["malformed", "not-a-hash"],
  ])("is true for %s", (_name, hash) => {
    expect(needsRehash(hash)).toBe(true);
  });

  it("an older hash still verifies, so it can be upgraded after sign-in", async () => {
    // Made with m=8,t=1,p=1 for the password "x".
    const old = "$argon2id$v=19$m=8,t=1,p=1$JzpYf/QT6bU50Q3QUdIehg$zp49C1bc7VqAnLzKHjDMvelMRnFGSdMAaHa2r9aGMHk";
    expect(await verifyPassword(old, "x")).toBe(true);
  });
});

describe("checkPasswordPolicy", () => {
  const policy = { minLength: 12 };

  it("rejects 11 characters at minLength 12", () => {
    expect(checkPasswordPolicy("kq7-Lm2v9Zp", policy)).toEqual({ ok: false, message: "Use at least 12 characters." });
  });

  it("accepts 12 characters", () => {
    expect(checkPasswordPolicy("kq7-Lm2v9Zp!", policy)).toEqual({ ok: true });
  });

  it("uses the configured minimum in the message", () => {
    expect(checkPasswordPolicy("kq7-Lm2v9Zp!", { minLength: 16 })).toEqual({
      ok: false,
      message: "Use at least 16 characters.",
    });
  });

  it("accepts 128 characters and rejects 129", () => {
    expect(checkPasswordPolicy("a1b2".repeat(32), policy)).toEqual({ ok: true });
    expect(checkPasswordPolicy("a1b2".repeat(32) + "c", policy)).toEqual({
      ok: false,
      message: "Use at most 128 characters.",
    });
  });

  it("rejects a common password of 12+ characters, case-insensitively", () => {
    const common = { ok: false, message: "This password is too common. Choose something harder to guess." };
    expect(checkPasswordPolicy("qwerty123456", policy)).toEqual(common);
    expect(checkPasswordPolicy("QWERTY123456", policy)).toEqual(common);
    expect(checkPasswordPolicy("1qaz2wsx3edc", policy)).toEqual(common);
  });

  it("counts an emoji as one code point", () => {
    expect(passwordLength("😀")).toBe(1);
    // 11 letters + 1 emoji = 12 code points (13 UTF-16 units).
    expect(checkPasswordPolicy("kq7Lm2v9Zpx😀", policy)).toEqual({ ok: true });
    // 11 emoji = 11 code points (22 UTF-16 units).
    expect(checkPasswordPolicy("😀".repeat(11), policy)).toEqual({ ok: false, message: "Use at least 12 characters." });
  });

  it("counts length after NFC normalisation", () => {
    // 11 base letters + combining accent: 12 code points raw, 11 after NFC.
    const decomposed = "cafe\u0301xyzwvut";
    expect([...decomposed].length).toBe(12);
    expect(passwordLength(decomposed)).toBe(11);
    expect(checkPasswordPolicy(decomposed, policy).ok).toBe(false);
  });

  it("rejects the email address or its local part", () => {
    const message = { ok: false, message: "Don't use your email address as your password." };
    const email = "alice.wonderland@example.com";
    expect(checkPasswordPolicy("alice.wonderland@example.com", { ...policy, email })).toEqual(message);
    expect(checkPasswordPolicy("Alice.Wonderland", { ...policy, email })).toEqual(message);
    expect(checkPasswordPolicy("alice.wonderland!", { ...policy, email })).toEqual({ ok: true });
    expect(checkPasswordPolicy("alice.wonderland", policy)).toEqual({ ok: true });
  });

  it("has no composition rules", () => {
    expect(checkPasswordPolicy("all lowercase words here", policy)).toEqual({ ok: true });
  });
});

describe("common password list", () => {
  it("has exactly 10,000 unique, lowercase, non-empty entries", () => {
    const lines = readFileSync(COMMON_PASSWORDS_PATH, "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(10_000);
    expect(new Set(lines).size).toBe(10_000);
    expect(lines.every((line) => line !== "" && line === line.toLowerCase() && line === line.trim())).toBe(true);
    expect(getCommonPasswords().size).toBe(10_000);
  });

  it("is in rank order", () => {
    const lines = readFileSync(COMMON_PASSWORDS_PATH, "utf8").split("\n");
    expect(lines.slice(0, 3)).toEqual(["123456", "password", "12345678"]);
  });

  it("isCommonPassword compares lowercased", () => {
    expect(isCommonPassword("PassWord")).toBe(true);
    expect(isCommonPassword("qwerty123456")).toBe(true);
    expect(isCommonPassword("kq7-Lm2v9Zp!")).toBe(false);
  });
});
