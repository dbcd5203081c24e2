import { describe, expect, it } from "vitest";
import { currentKeyId, needsReseal, open, seal, SealError } from "./seal";

describe("seal / open (AES-256-GCM)", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = seal('{"apiKey":"SG.very-secret-key"}', "email-connector:1");
    expect(sealed).not.toContain("very-secret");
    expect(sealed.split(".")).toHaveLength(5);
    expect(sealed.split(".")[1]).toBe(currentKeyId);
    expect(open(sealed, "email-connector:1")).toBe('{"apiKey":"SG.very-secret-key"}');
    expect(needsReseal(sealed)).toBe(false);
  });

  it("uses a fresh IV each time", () => {
    expect(seal("same", "ctx")).not.toBe(seal("same", "ctx"));
  });

  it("refuses another context (a value moved to another row)", () => {
    const sealed = seal("secret", "outbox:a");
    expect(() => open(sealed, "outbox:b")).toThrow(SealError);
  });

  it("refuses tampering with the ciphertext, the tag or the IV", () => {
    const parts = seal("secret value", "ctx").split(".");
    for (const index of [2, 3, 4]) {
      const copy = [...parts];
      const bytes = Buffer.from(copy[index]!, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      copy[index] = bytes.toString("base64url");
      expect(() => open(copy.join("."), "ctx")).toThrow(/failed authentication/);
    }
  });

  it("names an unknown key id instead of failing obscurely", () => {
    const parts = seal("x", "ctx").split(".");
    parts[1] = "old-key";
    expect(() => open(parts.join("."), "ctx")).toThrow(/key "old-key"/);
    expect(needsReseal(parts.join("."))).toBe(true);
    expect(() => open("not sealed", "ctx")).toThrow(SealError);
  });
});
