import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeCtx, makeUser } from "@/lib/account/test-fixtures";
import { createSession, createSessionTicket, redeemSessionTicket, revokeSession, validateSession } from "./session";

/*
 * Our sign-in pages make the session active in the commit that signs the
 * person in and set the cookie in the same response (no ticket to redeem:
 * one commit fewer per sign-in). A ticket is only for a browser that gets
 * its cookie through next-auth's "ticket" callback: single use, short-lived.
 */
describe("createSession", () => {
  it("makes a session that is valid at once, with the request's address and browser, until revoked", async () => {
    const user = await makeUser();
    const session = await createSession(user.id, makeCtx({ ip: "10.1.2.3", userAgent: "test-browser" }));
    expect(session).toEqual({ sessionId: expect.any(String), userId: user.id });
    expect(await validateSession(session.sessionId)).toMatchObject({ id: user.id, email: user.email });
    const row = await db.session.findUniqueOrThrow({ where: { id: session.sessionId } });
    expect(row).toMatchObject({ ip: "10.1.2.3", userAgent: "test-browser" });
    expect(row.activatedAt).not.toBeNull();
    await revokeSession(session.sessionId);
    expect(await validateSession(session.sessionId)).toBeNull();
  });

  it("cannot be taken over with a ticket: no ticket redeems an active session", async () => {
    const { sessionId } = await createSession((await makeUser()).id, makeCtx());
    const row = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.ticketHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await redeemSessionTicket(`${sessionId}.guess`)).toBeNull();
    expect(await redeemSessionTicket(`${sessionId}.`)).toBeNull();
  });

  it("is rolled back with the caller's transaction", async () => {
    const user = await makeUser();
    let made: string | undefined;
    await expect(
      db.$transaction(async (tx) => {
        made = (await createSession(user.id, makeCtx(), tx)).sessionId;
        throw new Error("the sign-in failed after the session was written");
      }),
    ).rejects.toThrow("the sign-in failed");
    expect(made).toBeDefined();
    expect(await db.session.count({ where: { id: made } })).toBe(0);
  });
});

describe("createSessionTicket", () => {
  it("is not a session until redeemed, and redeems once", async () => {
    const user = await makeUser();
    const ticket = await createSessionTicket(user.id, makeCtx());
    const [sessionId, secret] = ticket.split(".");
    expect(await validateSession(sessionId!)).toBeNull();
    expect(await redeemSessionTicket(`${sessionId}.${secret}x`)).toBeNull();
    const [first, second] = await Promise.all([redeemSessionTicket(ticket), redeemSessionTicket(ticket)]);
    expect([first, second].filter(Boolean)).toEqual([{ sessionId, userId: user.id }]);
    expect(await validateSession(sessionId!)).toMatchObject({ id: user.id });
  });

  it("expires two minutes after it was made", async () => {
    const ticket = await createSessionTicket((await makeUser()).id, makeCtx());
    const sessionId = ticket.split(".")[0]!;
    await db.session.update({ where: { id: sessionId }, data: { createdAt: new Date(Date.now() - 2 * 60_000 - 1000) } });
    expect(await redeemSessionTicket(ticket)).toBeNull();
    expect(await validateSession(sessionId)).toBeNull();
  });
});
