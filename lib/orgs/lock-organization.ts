import "server-only";
import { db, type Tx } from "@/lib/db";
import { param } from "@/lib/db-sql";
import type { Failure } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { orgNotFound, refused } from "./messages";
import { can, isOrgRole, type OrgAction, type OrgRole } from "./permissions";

/**
 * Serialises the role-dependent writes of one organization (role changes,
 * removals, leaving, hand-overs, new invitations against the pending cap).
 * Call it FIRST in the transaction: a write to the organization's row takes
 * PostgreSQL's row lock (a concurrent transaction waits for our commit, then
 * reads what we wrote) and, on SQLite, the database's write lock before
 * anything is read (no read-then-upgrade deadlock between processes). What
 * the transaction reads after it is therefore current until it commits, so
 * "is this the last owner?" and the change it guards cannot interleave with
 * another one. False when the organization no longer exists.
 */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<boolean> {
  const touched = await tx.$executeRawUnsafe(`UPDATE "Organization" SET "updatedAt" = "updatedAt" WHERE "id" = ${param(1)}`, organizationId);
  return touched === 1;
}

/** A member's current role, read under the lock; null when they are no longer a member. */
export async function lockedRole(tx: Tx, organizationId: string, userId: string): Promise<OrgRole | null> {
  const row = await tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId } }, select: { role: true } });
  return row && isOrgRole(row.role) ? row.role : null;
}

/** The actor's role under the lock, refusing the change when it no longer allows `action` (demoted or removed meanwhile). */
export async function lockedPermission(tx: Tx, organizationId: string, userId: string, action: OrgAction): Promise<OrgRole> {
  const role = await lockedRole(tx, organizationId, userId);
  if (!role) refuse(orgNotFound());
  if (!can(role, action)) refuse(refused(action));
  return role;
}

export async function countOwners(tx: Tx, organizationId: string): Promise<number> {
  return tx.membership.count({ where: { organizationId, role: "owner" } });
}

/** An expected refusal found under the lock: thrown to roll the transaction back, returned by withOrgLock. */
class OrgRefusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.formError ?? "refused");
  }
}

/** The failure a `refuse` carried, for callers that run their own transaction around the lock; null for any other error. */
export const refusalOf = (error: unknown): Failure | null => (error instanceof OrgRefusal ? error.failure : null);

/** Ends the locked transaction with `failure` (nothing it wrote is kept). */
export function refuse(failure: Failure): never {
  throw new OrgRefusal(failure);
}

/**
 * Runs `work` in one transaction that first locks the organization; `work`
 * re-reads the roles it depends on (lockedRole) and `refuse`s when they no
 * longer allow the change. A vanished organization is not_found.
 */
export async function withOrgLock<T>(organizationId: string, work: (tx: Tx) => Promise<T>): Promise<Result<T>> {
  try {
    return ok(
      await db.$transaction(async (tx) => {
        if (!(await lockOrganization(tx, organizationId))) refuse(orgNotFound());
        return work(tx);
      }, LOCKED_TX),
    );
  } catch (error) {
    if (error instanceof OrgRefusal) return error.failure;
    throw error;
  }
}

// Concurrent changes of one organization queue on its lock: allow for a queue.
const LOCKED_TX = { maxWait: 15_000, timeout: 15_000 };
