import { describe, expect, it } from "vitest";
import { recordQueries } from "@/lib/db-queries";
import { latestCode, makeCtx, makeUser } from "@/lib/account/test-fixtures";
import { activeTemplate } from "@/lib/email-templates/store";
import { getSettings } from "@/lib/settings/get-settings";
import { redeemSessionTicket } from "./session";
import { completeCodeSignIn, startCodeSignIn } from "./sign-in";

/*
 * The two hot paths of code sign-in, counted in SQL statements at the
 * driver (transactions' BEGIN and COMMIT included: on PostgreSQL each is a
 * round trip). They were 22 and 25 before the speed work; a change that
 * makes them grow fails here and should say why in its own budget.
 *
 * Request a code (10 with SMTP): the flow, the account, the address's code,
 * lock and suppression (one statement), both rate limits (one statement),
 * and one transaction with the
 * code, the superseding of older undelivered emails and the outbox row; the
 * first attempt's outcome. The dev connector used here stores its message
 * too (one more).
 * Verify (10): the flow with its account, the per-IP limit, the code and
 * lock, the attempt that also consumes, one transaction with the end of
 * the flow, the session and its activity row (BEGIN and COMMIT are the two
 * statements over 8: on SQLite every commit waits for the disk, about
 * 0.17 ms here, and two fewer commits are worth more than two statements
 * that cost microseconds), and the redemption of the ticket.
 *
 * And all of them but the dev connector's own store go straight to the
 * driver (lib/db-direct.ts), not through the Prisma client, whose per-
 * statement cost was a quarter of the server's CPU on these paths. Prisma
 * names its tables with the schema (`main`.`T`, "public"."T"); ours don't.
 */
const throughPrisma = (queries: string[]) => queries.filter((q) => /`main`\.|"public"\./.test(q) && !q.includes("DevMailboxMessage"));
const REQUEST_BUDGET = 11;
const VERIFY_BUDGET = 10;

describe("hot paths", () => {
  it(`request a code: at most ${REQUEST_BUDGET} statements; verify it and get a session: at most ${VERIFY_BUDGET}`, async () => {
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
      if (!step.ok || !("ticket" in step.value)) throw new Error(`verify refused: ${JSON.stringify(step)}`);
      return redeemSessionTicket(step.value.ticket);
    });
    expect(verify.result).toMatchObject({ userId: user.id });
    const list = (queries: string[]) => queries.map((q) => q.slice(0, 90)).join("\n");
    expect(request.queries.length, list(request.queries)).toBeLessThanOrEqual(REQUEST_BUDGET);
    expect(verify.queries.length, list(verify.queries)).toBeLessThanOrEqual(VERIFY_BUDGET);
    expect([...throughPrisma(request.queries), ...throughPrisma(verify.queries)]).toEqual([]);
  });
});
