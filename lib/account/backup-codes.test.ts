import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { consumeBackupCode, countBackupCodes, generateBackupCode, normalizeBackupCode, replaceBackupCodes } from "./backup-codes";
import { makeUser } from "./test-fixtures";

describe("backup code format", () => {
  it("is xxxx-xxxx from an alphabet without look-alikes", () => {
    for (let i = 0; i < 200; i++) expect(generateBackupCode()).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
  });

  it("normalises case, spaces, dashes and full-width input", () => {
    expect(normalizeBackupCode("K7Q2-M9XP")).toBe("k7q2m9xp");
    expect(normalizeBackupCode(" k7q2 m9xp ")).toBe("k7q2m9xp");
    expect(normalizeBackupCode("ｋ７ｑ２－ｍ９ｘｐ")).toBe("k7q2m9xp");
    for (const bad of ["k7q2-m9x", "k7q2-m9xpp", "o1l0-abcd", "", null, 12345678]) expect(normalizeBackupCode(bad)).toBeNull();
  });
});

describe("backup codes", () => {
  it("makes 10 distinct codes and stores only keyed hashes", async () => {
    const user = await makeUser();
    const codes = await replaceBackupCodes(user.id);
    expect(new Set(codes).size).toBe(10);
    const rows = await db.backupCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
      for (const code of codes) expect(row.codeHash).not.toContain(normalizeBackupCode(code));
    }
  });

  it("accepts each code once, in any case or spacing", async () => {
    const user = await makeUser();
    const [code] = await replaceBackupCodes(user.id);
    expect(await consumeBackupCode(user.id, code!.toUpperCase().replace("-", " "))).toBe(true);
    expect(await consumeBackupCode(user.id, code)).toBe(false);
    expect(await countBackupCodes(user.id)).toBe(9);
  });

  it("lets exactly one of many concurrent uses of one code win", async () => {
    const user = await makeUser();
    const [code] = await replaceBackupCodes(user.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeBackupCode(user.id, code)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("is bound to its user", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const [code] = await replaceBackupCodes(a.id);
    await replaceBackupCodes(b.id);
    expect(await consumeBackupCode(b.id, code)).toBe(false);
    expect(await consumeBackupCode(a.id, code)).toBe(true);
  });

  it("regenerating invalidates every old code", async () => {
    const user = await makeUser();
    const old = await replaceBackupCodes(user.id);
    const fresh = await replaceBackupCodes(user.id);
    for (const code of old) if (!fresh.includes(code)) expect(await consumeBackupCode(user.id, code)).toBe(false);
    expect(await consumeBackupCode(user.id, fresh[0])).toBe(true);
    expect(await countBackupCodes(user.id)).toBe(9);
  });
});
