import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { db, sqlFor, type Client } from "@/lib/db";
import { insertRow, param } from "@/lib/db-sql";
import { secureCookies } from "@/lib/env";
import { maskEmail } from "@/emails/components/mask-email";
import { recordEvent, type AuditDetail } from "@/lib/account/audit";
import { countBackupCodes } from "@/lib/account/backup-codes";
import { confirmedFactorCount } from "@/lib/account/factors";
import { sendCode } from "@/lib/account/codes";
import { notify } from "@/lib/account/notify";
import { checkSecondFactor, isChallengeMethod, malformedMessage, type ChallengeMethod, type SecondFactorUser } from "@/lib/account/second-factor";
import { getSettings } from "@/lib/settings/get-settings";
import { ok, type Result } from "@/lib/result";
import { failField, failWith } from "@/lib/errors/failure";
import type { RequestContext } from "./request-context";
import { createSession, type SessionRef } from "./session";

/**
 * The second step of signing in. When the first factor (password, or an
 * email code) succeeds for a user with a confirmed second factor, no session
 * exists yet: a challenge does, named by an HttpOnly cookie. Limits: 5 wrong
 * answers end the challenge; 10 wrong in a row for the account (across
 * challenges) lock the second step for 15 minutes and tell the owner.
 */
export type SignInStep = { session: SessionRef } | { challengeId: string };
export type FirstFactor = "password" | "email_code" | "social";
export type { ChallengeMethod };

export const CHALLENGE_TTL_MS = 10 * 60_000;
export const CHALLENGE_MAX_ATTEMPTS = 5;
export const MFA_LOCK_AFTER_FAILURES = 10;
export const MFA_LOCK_MINUTES = 15;

const COOKIE = "mg_mfa";
const EXPIRED = "This sign-in has expired. Start again.";
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const lockMessage = (ms: number) => `Two-step verification is locked for ${plural(Math.max(1, Math.ceil(ms / 60_000)), "minute", "minutes")}. Try again later.`;
const auditCtx = (userId: string, ctx: RequestContext) => ({ userId, ip: ctx.ip, userAgent: ctx.userAgent });

const CONFIRMED_FACTORS = `SELECT ${confirmedFactorCount(param(1))} AS "n"`;

/**
 * `factors`: the caller read the count with the account already (one round
 * trip fewer). `client`: the caller's transaction, so the sign-in's writes
 * land in the same commit as its own (code sign-in: one commit, not three).
 */
export type ContinueOptions = { factors?: number; client?: Client };

/**
 * Where every first factor ends: a session, or a challenge when the
 * user has a second factor. `method` is what the activity list records
 * ("password", "email_code", "password_reset", "sign_up"), or the whole
 * detail (a social sign-in's { method: "social", provider }).
 */
export async function continueSignIn(
  userId: string, firstFactor: FirstFactor, ctx: RequestContext, method: string | AuditDetail = firstFactor, options: ContinueOptions = {},
): Promise<Result<SignInStep>> {
  const run = sqlFor(options.client ?? db);
  const factors = options.factors ?? Number((await run.query<{ n: number | bigint }>(CONFIRMED_FACTORS, userId))[0]?.n ?? 0);
  if (factors === 0) {
    const session = await createSession(userId, ctx, run);
    await recordEvent("sign_in", auditCtx(userId, ctx), typeof method === "string" ? { method } : method, run);
    return ok({ session });
  }
  const now = new Date();
  const id = randomBytes(24).toString("base64url");
  await run.execute(`DELETE FROM "MfaChallenge" WHERE "userId" = ${param(1)} AND "expiresAt" < ${param(2)}`, userId, now);
  const row = insertRow("MfaChallenge", { id, userId, firstFactor, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) });
  await run.execute(row.text, ...row.args);
  return ok({ challengeId: id });
}

export async function readChallengeCookie(): Promise<string | undefined> {
  return (await cookies()).get(COOKIE)?.value || undefined;
}

export async function setChallengeCookie(challengeId: string): Promise<void> {
  (await cookies()).set(COOKIE, challengeId, {
    httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/", maxAge: CHALLENGE_TTL_MS / 1000,
  });
}

export async function clearChallengeCookie(): Promise<void> {
  const jar = await cookies();
  if (jar.has(COOKIE)) jar.set(COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secureCookies, path: "/", maxAge: 0 });
}

/** A challenge that can still be answered, with what deciding the methods needs. */
async function liveChallenge(challengeId: string | undefined) {
  if (!challengeId) return null;
  const row = await db.mfaChallenge.findFirst({
    where: { id: challengeId, consumedAt: null, expiresAt: { gt: new Date() }, attempts: { lt: CHALLENGE_MAX_ATTEMPTS } },
    include: { user: { include: { mfaFactors: { where: { confirmedAt: { not: null } } } } } },
  });
  if (!row) return null;
  const { user, ...challenge } = row;
  const account: SecondFactorUser & { locale: string | null; mfaLockedUntil: Date | null } = { ...user, factors: user.mfaFactors };
  return { challenge, user: account, methods: await methodsFor(challenge.firstFactor, account) };
}

/**
 * The ways this user can pass the second step. An email code is no second
 * factor after an email code (same inbox), so it is left out then; for a
 * user whose only factor is email, their password takes its place.
 */
async function methodsFor(firstFactor: string, user: SecondFactorUser): Promise<ChallengeMethod[]> {
  const types = new Set(user.factors.map((f) => f.type));
  const methods: ChallengeMethod[] = [];
  if (types.has("totp")) methods.push("totp");
  if (types.has("email") && firstFactor !== "email_code") methods.push("email");
  if ((await countBackupCodes(user.id)) > 0) methods.push("backup_code");
  if (firstFactor === "email_code" && user.passwordHash && types.size === 1 && types.has("email")) methods.push("password");
  return methods;
}

const lockedForMs = (user: { mfaLockedUntil: Date | null }) => Math.max(0, (user.mfaLockedUntil?.getTime() ?? 0) - Date.now());

export type ChallengeState = { email: string; methods: ChallengeMethod[]; attemptsLeft: number; lockedForSeconds: number | null };

/** What the /sign-in/mfa page shows; null when the challenge is over (start again). */
export async function getChallengeState(challengeId: string | undefined): Promise<ChallengeState | null> {
  const live = await liveChallenge(challengeId);
  if (!live) return null;
  const locked = lockedForMs(live.user);
  return {
    email: maskEmail(live.user.email), methods: live.methods,
    attemptsLeft: CHALLENGE_MAX_ATTEMPTS - live.challenge.attempts,
    lockedForSeconds: locked > 0 ? Math.ceil(locked / 1000) : null,
  };
}

/** Emails an MfaVerification code bound to this challenge (send and resend). */
export async function sendChallengeEmailCode(challengeId: string | undefined, ctx: RequestContext): Promise<Result<null>> {
  const live = await liveChallenge(challengeId);
  if (!live) return failWith("not_found", EXPIRED);
  if (!live.methods.includes("email")) return failWith("invalid_request", "Email codes can't be used for this sign-in.");
  const locked = lockedForMs(live.user);
  if (locked > 0) return failWith("locked", lockMessage(locked));
  const { signInExperience: sie } = await getSettings();
  return sendCode("MfaVerification", live.user, live.challenge.id, ctx, sie.otp);
}

export async function verifyChallenge(
  challengeId: string | undefined, input: { method: unknown; code: unknown }, ctx: RequestContext,
): Promise<Result<{ session: SessionRef }>> {
  const live = await liveChallenge(challengeId);
  if (!live) return failWith("not_found", EXPIRED);
  const { challenge, user } = live;
  const locked = lockedForMs(user);
  if (locked > 0) return failWith("locked", lockMessage(locked));
  const method = input.method;
  if (!isChallengeMethod(method) || !live.methods.includes(method)) {
    return failField("method", "Choose one of the ways offered.");
  }
  const malformed = malformedMessage(method, input.code);
  if (malformed) return failField("code", malformed);

  // One try is taken before the answer is compared, with a conditional
  // write, so no more than 5 answers are ever checked, even concurrently.
  const taken = await db.mfaChallenge.updateMany({
    where: { id: challenge.id, consumedAt: null, expiresAt: { gt: new Date() }, attempts: { lt: CHALLENGE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (taken.count === 0) return failWith("not_found", EXPIRED);
  const { signInExperience: sie } = await getSettings();
  const passed = await checkSecondFactor(method, String(input.code), user, challenge.id, ctx, sie);
  if (!passed.ok) return recordFailure(challenge.id, user, method, passed.message, ctx);

  const consumed = await db.mfaChallenge.updateMany({ where: { id: challenge.id, consumedAt: null }, data: { consumedAt: new Date() } });
  if (consumed.count !== 1) return failWith("not_found", EXPIRED);
  await db.user.update({ where: { id: user.id }, data: { mfaFailures: 0 } });
  const session = await createSession(user.id, ctx);
  await recordEvent("sign_in", auditCtx(user.id, ctx), { method: challenge.firstFactor, mfa: method });
  return ok({ session });
}

/** Counts a wrong answer against the challenge and the account; the 10th in a row locks. */
async function recordFailure(
  challengeId: string, user: SecondFactorUser & { locale: string | null }, method: ChallengeMethod, message: string, ctx: RequestContext,
): Promise<Result<{ session: SessionRef }>> {
  const { mfaFailures } = await db.user.update({ where: { id: user.id }, data: { mfaFailures: { increment: 1 } }, select: { mfaFailures: true } });
  let lockStarted = false;
  if (mfaFailures >= MFA_LOCK_AFTER_FAILURES) {
    // Only the request that crosses the threshold starts the lock and sends the one notice.
    const { count } = await db.user.updateMany({
      where: { id: user.id, mfaFailures: { gte: MFA_LOCK_AFTER_FAILURES } },
      data: { mfaFailures: 0, mfaLockedUntil: new Date(Date.now() + MFA_LOCK_MINUTES * 60_000) },
    });
    lockStarted = count === 1;
  }
  await recordEvent("mfa_failed", auditCtx(user.id, ctx), lockStarted ? { method, locked: true, lockMinutes: MFA_LOCK_MINUTES } : { method });
  if (lockStarted) {
    await notify(user, "MfaLockoutNotice", ctx, { lockMinutes: MFA_LOCK_MINUTES });
    return failWith("locked", lockMessage(MFA_LOCK_MINUTES * 60_000));
  }
  const row = await db.mfaChallenge.findUnique({ where: { id: challengeId }, select: { attempts: true } });
  const left = CHALLENGE_MAX_ATTEMPTS - (row?.attempts ?? CHALLENGE_MAX_ATTEMPTS);
  if (left <= 0) return failWith("not_found", `${message} Too many wrong tries: sign in again.`);
  return failField("code", `${message} You have ${plural(left, "try", "tries")} left.`);
}
