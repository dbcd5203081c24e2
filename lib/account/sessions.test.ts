import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { validateSession } from "@/lib/auth/session";
import { listSessions, revokeOne, revokeOthers } from "./sessions";
import { peekVerification } from "./step-up";
import { makeCtx, makeSession, makeUser, proof } from "./test-fixtures";

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

describe("sessions", () => {
  it("lists active sessions, this one first, with browser and system", async () => {
    const user = await makeUser();
    const other = await makeSession(user.id, FIREFOX_WINDOWS);
    await db.session.update({ where: { id: other }, data: { lastSeenAt: new Date(Date.now() + 60_000) } });
    // Not listed: a ticket never redeemed, and an expired session.
    await db.session.update({ where: { id: await makeSession(user.id) }, data: { activatedAt: null } });
    await db.session.update({ where: { id: await makeSession(user.id) }, data: { expiresAt: new Date(Date.now() - 1) } });

    const sessions = await listSessions(user);
    expect(sessions.map((s) => [s.id, s.current, s.browser, s.os])).toEqual([
      [user.sessionId, true, "Chrome", "macOS"],
      [other, false, "Firefox", "Windows"],
    ]);
  });

  it("revokes one other session, refuses this one and unknown ones without using the proof", async () => {
    const user = await makeUser();
    const other = await makeSession(user.id);
    const id = await proof(user);
    expect(await revokeOne(user, id, user.sessionId, makeCtx())).toMatchObject({ ok: false, formError: expect.stringMatching(/Sign out/) });
    expect(await revokeOne(user, id, "no-such-session", makeCtx())).toMatchObject({ ok: false, code: "not_found" });
    const stranger = await makeUser();
    expect(await revokeOne(user, id, stranger.sessionId, makeCtx())).toMatchObject({ ok: false, code: "not_found" });
    expect(await peekVerification(user, id)).toBe(true);

    expect(await revokeOne(user, id, other, makeCtx())).toEqual({ ok: true, value: { count: 1 } });
    expect(await validateSession(other)).toBeNull();
    expect(await validateSession(stranger.sessionId)).not.toBeNull();
    expect(await revokeOne(user, id, await makeSession(user.id), makeCtx())).toMatchObject({ ok: false, code: "verification_required" });
  });

  it("revokes every other session", async () => {
    const user = await makeUser();
    await makeSession(user.id);
    await makeSession(user.id);
    expect(await revokeOthers(user, undefined, makeCtx())).toMatchObject({ ok: false, code: "verification_required" });
    expect(await revokeOthers(user, await proof(user), makeCtx())).toEqual({ ok: true, value: { count: 2 } });
    expect((await listSessions(user)).map((s) => s.id)).toEqual([user.sessionId]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { userId: user.id, type: "sessions_revoked" } });
    expect(JSON.parse(event.detail)).toEqual({ count: 2 });
  });
});
