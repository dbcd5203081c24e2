import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { db, sql, sqlFor, type Client } from "@/lib/db";
import { insertRow, param } from "@/lib/db-sql";
import { expirySweeper } from "@/lib/db-sweep";
import { confirmedFactorCount } from "@/lib/account/factors";
import { secureCookies } from "@/lib/env";
import type { Purpose } from "@/lib/otp/purposes";

/**
 * A multi-step flow (sign-up, code sign-in, password reset). Its random id
 * sits in an HttpOnly cookie and is bound into every code issued in the
 * flow, so a code only works in the browser that asked for it.
 */
export const FLOW_KINDS = {
  "sign-up": "Register",
  "sign-in": "SignIn",
  reset: "ForgotPassword",
  // A signed-in user proving a new address (lib/account/email-change.ts,
  // which sends its own codes: sendFlowCode's notices are for sign-in flows).
  "email-change": "BindNewIdentifier",
  // Creating an account from an organization's invitation: the invited
  // address, proven by a code (lib/orgs/start-invitation-sign-up.ts).
  invitation: "OrganizationInvitation",
  // A social sign-in waiting for a code before it is linked (lib/social):
  // to the account that has the address, or to a new account for it.
  "social-link": "LinkIdentity",
  // A social sign-in without an address the provider vouches for, until the
  // person types one (which starts a "social-link" flow); sends no code.
  "social-email": "LinkIdentity",
  // A signed-in user connecting a provider from the account centre (data:
  // userId, sessionId): the callback links to them; sends no code.
  "social-connect": "LinkIdentity",
} as const satisfies Record<string, Purpose>;
export type FlowKind = keyof typeof FLOW_KINDS;
export type Flow = { id: string; kind: FlowKind; email: string; data: Record<string, unknown>; verifiedAt: Date | null; createdAt: Date };

const COOKIE = "mg_flow";
const FLOW_TTL_MS = 30 * 60 * 1000;

/** A new flow, not written yet: `saveFlow` writes it (startCodeFlow: in the transaction of its first code). */
export function newFlow(kind: FlowKind, email: string, data: Record<string, unknown> = {}): Flow {
  return { id: randomBytes(24).toString("base64url"), kind, email, data, verifiedAt: null, createdAt: new Date() };
}

export async function saveFlow(flow: Flow, client: Client = db): Promise<void> {
  const { id, kind, email, data, createdAt } = flow;
  const row = insertRow("AuthFlow", { id, kind, email, data: JSON.stringify(data), createdAt, expiresAt: new Date(createdAt.getTime() + FLOW_TTL_MS) });
  await sqlFor(client).execute(row.text, ...row.args);
}

export async function createFlow(kind: FlowKind, email: string, data: Record<string, unknown> = {}): Promise<Flow> {
  const flow = newFlow(kind, email, data);
  await saveFlow(flow);
  await sweepExpiredFlows();
  return flow;
}

export const sweepExpiredFlows = expirySweeper("AuthFlow");

export async function getFlow(id: string | undefined, kind: FlowKind): Promise<Flow | null> {
  if (!id) return null;
  const row = await db.authFlow.findUnique({ where: { id } });
  if (!row || row.kind !== kind || row.expiresAt <= new Date()) return null;
  return { id: row.id, kind, email: row.email, data: JSON.parse(row.data) as Record<string, unknown>, verifiedAt: row.verifiedAt, createdAt: row.createdAt };
}

/** The account a flow's address belongs to, as a code sign-in needs it: its id and how many second factors it has. */
export type FlowAccount = { userId: string; confirmedFactors: number };

type FlowRow = { id: string; kind: string; email: string; data: string; verifiedAt: Date | string | null; createdAt: Date | string; expiresAt: Date | string; userId: string | null; factors: number | bigint };
const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const FLOW_AND_ACCOUNT = `SELECT f."id", f."kind", f."email", f."data", f."verifiedAt", f."createdAt", f."expiresAt", u."id" AS "userId",
    ${confirmedFactorCount(`u."id"`)} AS "factors"
  FROM "AuthFlow" f LEFT JOIN "User" u ON u."email" = f."email" WHERE f."id" = ${param(1)}`;

/** `getFlow` and the account of its address in one round trip (the hot path of code sign-in). */
export async function getFlowAndAccount(id: string | undefined, kind: FlowKind): Promise<{ flow: Flow; account: FlowAccount | null } | null> {
  if (!id) return null;
  const [row] = await sql.query<FlowRow>(FLOW_AND_ACCOUNT, id);
  if (!row || row.kind !== kind || toDate(row.expiresAt) <= new Date()) return null;
  const flow: Flow = {
    id: row.id, kind, email: row.email, data: JSON.parse(row.data) as Record<string, unknown>,
    verifiedAt: row.verifiedAt === null ? null : toDate(row.verifiedAt), createdAt: toDate(row.createdAt),
  };
  return { flow, account: row.userId ? { userId: row.userId, confirmedFactors: Number(row.factors) } : null };
}

export async function markFlowVerified(id: string): Promise<void> {
  await db.authFlow.update({ where: { id }, data: { verifiedAt: new Date() } });
}

/** Atomically ends a flow; false when another request already ended it. */
export async function claimFlow(id: string, requireVerified: boolean, client: Client = db): Promise<boolean> {
  const verified = requireVerified ? ` AND "verifiedAt" IS NOT NULL` : "";
  const count = await sqlFor(client).execute(`DELETE FROM "AuthFlow" WHERE "id" = ${param(1)} AND "expiresAt" > ${param(2)}${verified}`, id, new Date());
  return count === 1;
}

export async function readFlowCookie(): Promise<string | undefined> {
  return (await cookies()).get(COOKIE)?.value;
}

export async function setFlowCookie(id: string): Promise<void> {
  (await cookies()).set(COOKIE, id, {
    httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/", maxAge: FLOW_TTL_MS / 1000,
  });
}

export async function clearFlowCookie(): Promise<void> {
  (await cookies()).delete(COOKIE);
}
