import "server-only";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Who may use the console: the owner, accounts given the stored "admin"
 * role, and the addresses in ADMIN_EMAILS. The owner is stored (the one
 * Ownership row), not derived from creation times, so deleting an account
 * can never make someone else the owner; ownership only moves by a
 * hand-over (./admin-roles.ts).
 */
export const ADMIN_ROLE = "admin";

/** The owner's user id; null before the first account exists. */
export async function getOwnerId(client: Tx = db): Promise<string | null> {
  return (await client.ownership.findUnique({ where: { id: 1 }, select: { userId: true } }))?.userId ?? null;
}

/**
 * Makes `userId` the owner if the install has none yet; run it in the
 * transaction that creates the account, so the first account is the owner.
 * The insert takes the single row's primary key: of concurrent first
 * sign-ups exactly one becomes owner (on PostgreSQL the second waits for the
 * first's commit and then does nothing; SQLite runs them one at a time).
 */
export async function claimOwnership(tx: Tx, userId: string): Promise<boolean> {
  return (await tx.$executeRaw`INSERT INTO "Ownership" ("id", "userId") VALUES (1, ${userId}) ON CONFLICT DO NOTHING`) === 1;
}

export const isEnvAdmin = (email: string) => env.ADMIN_EMAILS.includes(email.toLowerCase());

export async function isAdmin(user: { id: string; email: string }): Promise<boolean> {
  if (isEnvAdmin(user.email)) return true;
  const row = await db.user.findUnique({ where: { id: user.id }, select: { role: true, ownership: { select: { id: true } } } });
  return Boolean(row && (row.role === ADMIN_ROLE || row.ownership));
}

/** One line of the console's admin list; `userId` is null for an ADMIN_EMAILS address nobody signed up with yet. */
export type AdminEntry = { email: string; userId: string | null; owner: boolean; role: boolean; fromEnv: boolean };

export async function listAdmins(): Promise<AdminEntry[]> {
  const users = await db.user.findMany({
    where: { OR: [{ role: ADMIN_ROLE }, { ownership: { isNot: null } }, { email: { in: env.ADMIN_EMAILS } }] },
    select: { id: true, email: true, role: true, ownership: { select: { id: true } } },
  });
  const entries: AdminEntry[] = users.map((u) => ({
    email: u.email, userId: u.id, owner: Boolean(u.ownership), role: u.role === ADMIN_ROLE, fromEnv: isEnvAdmin(u.email),
  }));
  const known = new Set(users.map((u) => u.email.toLowerCase()));
  for (const email of env.ADMIN_EMAILS) {
    if (!known.has(email)) entries.push({ email, userId: null, owner: false, role: false, fromEnv: true });
  }
  return entries.sort((a, b) => Number(b.owner) - Number(a.owner) || a.email.localeCompare(b.email));
}
