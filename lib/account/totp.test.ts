import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, generateTotpSecret, hotp, otpauthUri, totpAt, verifyTotp, type TotpAlgorithm } from "./totp";

// RFC 6238 Appendix B: the seeds are ASCII "1234567890" repeated to the
// hash's block-friendly key length (20, 32 and 64 bytes).
const seed = (length: number) => Buffer.from("1234567890".repeat(7).slice(0, length), "ascii");
const SEEDS: Record<TotpAlgorithm, Buffer> = { SHA1: seed(20), SHA256: seed(32), SHA512: seed(64) };

const VECTORS: [number, string, TotpAlgorithm][] = [
  [59, "94287082", "SHA1"], [59, "46119246", "SHA256"], [59, "90693936", "SHA512"],
  [1111111109, "07081804", "SHA1"], [1111111109, "68084774", "SHA256"], [1111111109, "25091201", "SHA512"],
  [1111111111, "14050471", "SHA1"], [1111111111, "67062674", "SHA256"], [1111111111, "99943326", "SHA512"],
  [1234567890, "89005924", "SHA1"], [1234567890, "91819424", "SHA256"], [1234567890, "93441116", "SHA512"],
  [2000000000, "69279037", "SHA1"], [2000000000, "90698825", "SHA256"], [2000000000, "38618901", "SHA512"],
  [20000000000, "65353130", "SHA1"], [20000000000, "77737706", "SHA256"], [20000000000, "47863826", "SHA512"],
];

describe("TOTP (RFC 6238 Appendix B)", () => {
  it.each(VECTORS)("T=%i gives %s with %s", (time, expected, algorithm) => {
    expect(totpAt(SEEDS[algorithm], time, { algorithm, digits: 8 })).toBe(expected);
    expect(verifyTotp(SEEDS[algorithm], expected, { algorithm, digits: 8, now: time * 1000, window: 0 })).toEqual({
      ok: true, step: Math.floor(time / 30),
    });
  });

  it("HOTP matches RFC 4226 Appendix D", () => {
    const codes = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    codes.forEach((code, counter) => expect(hotp(SEEDS.SHA1, counter)).toBe(code));
  });
});

describe("verifyTotp", () => {
  const secret = SEEDS.SHA1;
  const now = 1_700_000_000_000;
  const step = Math.floor(now / 30_000);

  it("accepts the current step and one step either side, not two", () => {
    for (const offset of [-1, 0, 1]) {
      expect(verifyTotp(secret, hotp(secret, step + offset), { now })).toEqual({ ok: true, step: step + offset });
    }
    for (const offset of [-2, 2]) {
      expect(verifyTotp(secret, hotp(secret, step + offset), { now })).toEqual({ ok: false, reason: "wrong" });
    }
  });

  it("refuses a code whose step is at or before the last accepted step (replay)", () => {
    const code = hotp(secret, step);
    expect(verifyTotp(secret, code, { now, lastStep: step })).toEqual({ ok: false, reason: "replayed" });
    expect(verifyTotp(secret, hotp(secret, step - 1), { now, lastStep: step })).toEqual({ ok: false, reason: "replayed" });
    expect(verifyTotp(secret, hotp(secret, step + 1), { now, lastStep: step })).toEqual({ ok: true, step: step + 1 });
  });

  it("accepts what people paste and rejects what is not a 6-digit code", () => {
    const code = hotp(secret, step);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { now }).ok).toBe(true);
    expect(verifyTotp(secret, code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), { now }).ok).toBe(true);
    for (const bad of ["", "12345", "1234567", "abcdef", null, 123456]) {
      expect(verifyTotp(secret, bad, { now })).toEqual({ ok: false, reason: "malformed" });
    }
  });
});

describe("base32 (RFC 4648 §10 vectors, without padding)", () => {
  it.each([
    ["", ""], ["f", "MY"], ["fo", "MZXQ"], ["foo", "MZXW6"], ["foob", "MZXW6YQ"], ["fooba", "MZXW6YTB"], ["foobar", "MZXW6YTBOI"],
  ])("%j ↔ %s", (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded)?.toString()).toBe(plain);
  });

  it("decodes lower case, spaces and padding; refuses other characters", () => {
    expect(base32Decode("mzxw 6ytb oi======")?.toString()).toBe("foobar");
    expect(base32Decode("MZXW1")).toBeNull();
  });

  it("round-trips a generated 20-byte secret as 32 characters", () => {
    const secret = generateTotpSecret();
    expect(secret).toHaveLength(20);
    const text = base32Encode(secret);
    expect(text).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(text)?.equals(secret)).toBe(true);
  });
});

describe("otpauthUri", () => {
  it("names issuer and account and states the parameters", () => {
    expect(otpauthUri({ issuer: "Mailgate", account: "ada@example.com", secret: "JBSWY3DPEHPK3PXP" })).toBe(
      "otpauth://totp/Mailgate:ada@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Mailgate&algorithm=SHA1&digits=6&period=30",
    );
  });

  it("percent-encodes an issuer with spaces or a colon", () => {
    const uri = otpauthUri({ issuer: "Acme: Staging", account: "a@b.co", secret: "AAAA" });
    expect(uri).toBe("otpauth://totp/Acme%3A%20Staging:a@b.co?secret=AAAA&issuer=Acme%3A%20Staging&algorithm=SHA1&digits=6&period=30");
  });
});
