import "server-only";
import { createHmac, hkdfSync, randomInt, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Backup codes: 10 single-use codes like "k7q2-m9xp", shown once. 8
 * characters from a 31-letter alphabet without look-alikes (0/o, 1/l/i)
 * give ~39.6 bits each — plenty behind the challenge's 5-try and per-account
 * limits. Only an HMAC (key derived from AUTH_SECRET, bound to the user) is
 * stored, so a database leak does not leak usable codes.
 */
export const BACKUP_CODE_COUNT = 10;
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const LENGTH = 8;

const key = Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "mailgate", "backup-code-v1", 32));

export function generateBackupCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What people type back: any case, spaces or dashes, full-width characters. Null when it cannot be a code. */
export function normalizeBackupCode(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const code = input.normalize("NFKC").toLowerCase().replace(/[\s-]/g, "");
  if (code.length !== LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

export function hashBackupCode(userId: string, normalized: string): string {
  return createHmac("sha256", key).update(`${userId}\n${normalized}`).digest("hex");
}

/**
 * Replaces every backup code of the user with 10 new ones, in one
 * transaction, so the old set stops working the moment the new one exists.
 * Returns the codes for showing once.
 */
export async function replaceBackupCodes(userId: string): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < BACKUP_CODE_COUNT) codes.add(generateBackupCode());
  await db.$transaction([
    db.backupCode.deleteMany({ where: { userId } }),
    db.backupCode.createMany({
      data: [...codes].map((code) => ({ id: randomUUID(), userId, codeHash: hashBackupCode(userId, normalizeBackupCode(code)!) })),
    }),
  ]);
  return [...codes];
}

/** Single use even under concurrent attempts: the conditional update lets exactly one win. */
export async function consumeBackupCode(userId: string, input: unknown, now = new Date()): Promise<boolean> {
  const code = normalizeBackupCode(input);
  if (!code) return false;
  const { count } = await db.backupCode.updateMany({
    where: { userId, codeHash: hashBackupCode(userId, code), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}

export async function countBackupCodes(userId: string): Promise<number> {
  return db.backupCode.count({ where: { userId, usedAt: null } });
}

export async function deleteBackupCodes(userId: string): Promise<void> {
  await db.backupCode.deleteMany({ where: { userId } });
}
