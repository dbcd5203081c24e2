import { describe, expect, it } from "vitest";
import { recordQueries } from "@/lib/db-queries";
import { latestCode, makeCtx, makeUser } from "@/lib/account/test-fixtures";
import { redeemSessionTicket } from "./session";
import { completeCodeSignIn, startCodeSignIn } from "./sign-in";

describe("hot paths", () => {
  it("prints", async () => {
    const user = await makeUser();
    const ctx = makeCtx();
    // warm
    const w = await makeUser();
    await startCodeSignIn({ email: w.email }, makeCtx());
    const request = await recordQueries(() => startCodeSignIn({ email: user.email }, ctx));
    if (!request.result.ok) throw new Error("request failed");
    const code = await latestCode(user.email);
    const verify = await recordQueries(async () => {
      const r = await completeCodeSignIn(request.result.ok ? request.result.value.flowId : "", code, ctx);
      if (!r.ok || !("ticket" in r.value)) throw new Error("verify failed " + JSON.stringify(r));
      return redeemSessionTicket(r.value.ticket);
    });
    console.log("REQUEST", request.queries.length, "\n" + request.queries.map((q) => "  " + q.slice(0, 160)).join("\n"));
    console.log("VERIFY", verify.queries.length, "\n" + verify.queries.map((q) => "  " + q.slice(0, 160)).join("\n"));
    expect(verify.result).not.toBeNull();
  });
});
