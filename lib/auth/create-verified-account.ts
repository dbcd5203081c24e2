import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { recordEvent } from "@/lib/account/audit";
import { claimOwnership } from "./roles";
import type { RequestContext } from "./request-context";

/** A proven address and what the sign-up form gave; `email` is the account key (parseEmail). */
export type VerifiedAccount = { email: string; name: string | null; passwordHash: string | null; locale: string | null };

/**
 * The account a finished sign-up makes, inside the caller's transaction:
 * the verified user, ownership when it is the install's first account, and
 * its first activity row. Returns the new user's id. The end-to-end seeder
 * (e2e/seed/seeder.ts) calls it too, so a seeded account is exactly what
 * the sign-up page would have made.
 */
export async function createVerifiedAccount(tx: Tx, account: VerifiedAccount, ctx: RequestContext): Promise<string> {
  const userId = randomUUID();
  await tx.user.create({ data: { id: userId, ...account, emailVerifiedAt: new Date() } });
  const audit = { userId, ip: ctx.ip, userAgent: ctx.userAgent };
  if (await claimOwnership(tx, userId)) await recordEvent("ownership_claimed", audit, {}, tx);
  await recordEvent("sign_in", audit, { method: "sign_up" }, tx);
  return userId;
}
