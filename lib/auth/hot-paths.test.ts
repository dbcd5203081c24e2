import { describe, expect, it } from "vitest";
import { recordQueries } from "@/lib/db-queries";
import { latestCode, makeCtx, makeUser, PASSWORD } from "@/lib/account/test-fixtures";
import { activeTemplate } from "@/lib/email-templates/store";
import { getSettings } from "@/lib/settings/get-settings";
import { validateSession } from "./session";
import { completeCodeSignIn, signInWithPassword, startCodeSignIn } from "./sign-in";

/*
 * The hot paths (code sign-in's two steps, password sign-in), counted in
 * SQL statements at the driver (transactions' BEGIN and COMMIT included: on
 * PostgreSQL each is a round trip). They were 22 and 25 before the speed work; a change that
 * makes them grow fails here and should say why in its own budget.
 *
 * Request a code (10 with SMTP, in 2 commits): the account's locale, the
 * address's code, lock and suppression (one statement), then one
 * transaction with the new flow, both rate limits (one statement), the
 * code, the superseding of older undelivered emails and the outbox row;
 * the first attempt's outcome. The dev connector used here stores its
 * message too (one more). It was 4 commits: the flow and the limits had
 * their own.
 * Verify (9, in 2 commits): the flow with its account, the per-IP limit,
 * the code and lock, then one transaction with the attempt that also
 * consumes, the end of the flow, the session (active at once: no ticket to
 * redeem after it) and its activity row. It was 4 commits: the consumption
 * and the ticket's redemption had their own (on SQLite every commit waits
 * for the disk, about 0.17–0.29 ms here, where a statement costs
 * microseconds).
 *
 * And all of them but the dev connector's own store go straight to the
 * driver (lib/db-direct.ts), not through the Prisma client, whose per-
 * statement cost was a quarter of the server's CPU on these paths. Prisma
 * names its tables with the schema (`main`.`T`, "public"."T"); ours don't.
 */
/** Commits: each COMMIT, and each write outside a transaction (the dev connector's own store left out). */
function commitsOf(queries: string[]): number {
  let inside = false;
  let commits = 0;
  for (const q of queries.filter((q) => !q.includes("DevMailboxMessage"))) {
    if (/^\s*BEGIN\b/i.test(q)) inside = true;
    else if (/^\s*(COMMIT|ROLLBACK)\b/i.test(q)) {
      inside = false;
      commits += 1;
    } else if (!inside && /^\s*(INSERT|UPDATE|DELETE)\b/i.test(q)) commits += 1;
  }
  return commits;
}
const throughPrisma = (queries: string[]) => queries.filter((q) => /`main`\.|"public"\./.test(q) && !q.includes("DevMailboxMessage"));
const REQUEST_BUDGET = 11;
const VERIFY_BUDGET = 9;
const REQUEST_COMMITS = 2;
const VERIFY_COMMITS = 2;
const PASSWORD_BUDGET = 11;
const PASSWORD_COMMITS = 2;

describe("hot paths", () => {
  it(`request a code: at most ${REQUEST_BUDGET} statements in ${REQUEST_COMMITS} commits; verify it and get a session: at most ${VERIFY_BUDGET} in ${VERIFY_COMMITS}`, async () => {
    // Warm the connector, and read the settings and the operator's email
    // texts just before each step: a busy server reads them once a second,
    // not per request (a slow machine would otherwise count a re-read).
    await startCodeSignIn({ email: (await makeUser()).email }, makeCtx());
    const user = await makeUser();
    const ctx = makeCtx();
    await Promise.all([getSettings(), activeTemplate("SignIn", "en")]);
    const request = await recordQueries(() => startCodeSignIn({ email: user.email }, ctx));
    if (!request.result.ok) throw new Error(`request refused: ${JSON.stringify(request.result)}`);
    const code = await latestCode(user.email);
    const flowId = request.result.value.flowId;
    await getSettings();
    const verify = await recordQueries(async () => {
      const step = await completeCodeSignIn(flowId, code, ctx);
      if (!step.ok || !("session" in step.value)) throw new Error(`verify refused: ${JSON.stringify(step)}`);
      return step.value.session;
    });
    expect(verify.result).toMatchObject({ userId: user.id });
    expect(await validateSession(verify.result.sessionId)).toMatchObject({ id: user.id });
    const list = (queries: string[]) => queries.map((q) => q.slice(0, 90)).join("\n");
    expect(request.queries.length, list(request.queries)).toBeLessThanOrEqual(REQUEST_BUDGET);
    expect(verify.queries.length, list(verify.queries)).toBeLessThanOrEqual(VERIFY_BUDGET);
    expect(commitsOf(request.queries), list(request.queries)).toBe(REQUEST_COMMITS);
    expect(commitsOf(verify.queries), list(verify.queries)).toBe(VERIFY_COMMITS);
    expect([...throughPrisma(request.queries), ...throughPrisma(verify.queries)]).toEqual([]);
  });

  /*
   * Password sign-in (11 statements, 2 commits): the account with its
   * factor count; one commit taking an attempt from the per-IP and the
   * per-account limit (before the hash is verified); one commit giving
   * them back with the session and its activity row. It was 6 commits (each
   * take, each give-back, the session, the ticket's redemption): the hash
   * is the one cost that must stay, and each commit waits for the disk.
   */
  it(`password sign-in: at most ${PASSWORD_BUDGET} statements in ${PASSWORD_COMMITS} commits, none through Prisma`, async () => {
    const user = await makeUser();
    const ctx = makeCtx();
    await getSettings();
    const signIn = await recordQueries(() => signInWithPassword({ email: user.email, password: PASSWORD }, ctx));
    if (!signIn.result.ok || !("session" in signIn.result.value)) throw new Error(`sign-in refused: ${JSON.stringify(signIn.result)}`);
    expect(await validateSession(signIn.result.value.session.sessionId)).toMatchObject({ id: user.id });
    const list = signIn.queries.map((q) => q.slice(0, 90)).join("\n");
    expect(signIn.queries.length, list).toBeLessThanOrEqual(PASSWORD_BUDGET);
    expect(commitsOf(signIn.queries), list).toBe(PASSWORD_COMMITS);
    expect(throughPrisma(signIn.queries)).toEqual([]);
  });
});
