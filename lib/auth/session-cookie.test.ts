import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { env } from "@/lib/env";
import { makeCtx, makeUser } from "@/lib/account/test-fixtures";
import { handlers } from "./next-auth";
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from "./session";
import { SESSION_COOKIE, sessionCookieValue } from "./session-cookie";

/*
 * finishSignIn writes next-auth's session cookie itself instead of running
 * next-auth's signIn(), and encrypts it itself (synchronously) the way
 * next-auth's encode does. Whatever it writes, next-auth must read as its
 * own: asked through its real session route with the cookie as a browser
 * sends it, and through its own decode, which checks the tag.
 */
async function activeSession() {
  return createSession((await makeUser()).id, makeCtx());
}

async function sessionRoute(cookie: string) {
  const res = await handlers.GET(new NextRequest(`${env.APP_URL}/api/auth/session`, { headers: { cookie } }));
  return (await res.json()) as { userId?: string; sessionId?: string } | null;
}

describe("the session cookie written without next-auth's signIn()", () => {
  it("is read by next-auth as the session of its row", async () => {
    const session = await activeSession();
    const read = await sessionRoute(`${SESSION_COOKIE}=${sessionCookieValue(session)}`);
    expect(read).toMatchObject({ userId: session.userId, sessionId: session.sessionId });
  });

  it("carries next-auth's claims and lifetime, encrypted with the cookie's name as salt", async () => {
    const session = await activeSession();
    const before = Math.floor(Date.now() / 1000);
    const claims = await decode({ token: sessionCookieValue(session), secret: env.AUTH_SECRET, salt: SESSION_COOKIE });
    expect(claims).toMatchObject({ sub: session.userId, sid: session.sessionId });
    expect(claims?.exp).toBeGreaterThanOrEqual(before + SESSION_MAX_AGE_SECONDS);
    expect(claims?.jti).toEqual(expect.any(String));
    await expect(decode({ token: sessionCookieValue(session), secret: env.AUTH_SECRET, salt: "another-cookie" })).rejects.toThrow();
  });

  it("is encrypted as next-auth's own encode encrypts: same header, fresh IV and id each time, any changed byte refused", async () => {
    const session = await activeSession();
    const ours = sessionCookieValue(session).split(".");
    const theirs = (await encode({ token: {}, secret: env.AUTH_SECRET, salt: SESSION_COOKIE })).split(".");
    expect(ours).toHaveLength(5);
    expect(ours[0]).toBe(theirs[0]); // {"alg":"dir","enc":"A256CBC-HS512","kid":<thumbprint of the derived key>}
    expect(ours[1]).toBe("");
    const again = sessionCookieValue(session).split(".");
    expect(again[2]).not.toBe(ours[2]);
    expect(again[3]).not.toBe(ours[3]);
    for (const part of [0, 2, 3, 4]) {
      const changed = [...ours];
      const text = changed[part]!;
      changed[part] = `${text.slice(0, 10)}${text[10] === "A" ? "B" : "A"}${text.slice(11)}`;
      await expect(decode({ token: changed.join("."), secret: env.AUTH_SECRET, salt: SESSION_COOKIE }), `part ${part}`).rejects.toThrow();
    }
    await expect(decode({ token: ours.join("."), secret: "another secret of at least thirty-two characters", salt: SESSION_COOKIE })).rejects.toThrow();
  });

  it("ends with its row: a revoked session is not read", async () => {
    const session = await activeSession();
    const cookie = `${SESSION_COOKIE}=${sessionCookieValue(session)}`;
    await revokeSession(session.sessionId);
    expect(await sessionRoute(cookie)).toBeNull();
  });

  it("is not read under another name", async () => {
    const session = await activeSession();
    expect(await sessionRoute(`x${SESSION_COOKIE}=${sessionCookieValue(session)}`)).toBeNull();
  });
});
