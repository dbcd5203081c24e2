import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { validateSession } from "@/lib/auth/session";
import { inOtherSession, latestCode, makeSession, makeUser, PASSWORD } from "@/lib/account/test-fixtures";
import { base32Decode, totpAt } from "@/lib/account/totp";
import { getDevMessage, listDevMessages } from "@/lib/connectors/dev/mailbox";
import { removeSuppression } from "@/lib/deliverability/suppression-list";
import { suppressAddress } from "@/lib/deliverability/suppressions";
import { call, signInAs } from "./api-client";

/** The real route handlers of /api/my-account against the test database (./api-client.ts: what is replaced). */
let signedIn: CurrentUser | null = null;
const signIn = (user: CurrentUser | null) => (signedIn = signInAs(user));

const account = await import("@/app/api/my-account/route");
const profile = await import("@/app/api/my-account/profile/route");
const passwordProof = await import("@/app/api/my-account/verifications/password/route");
const emailProof = await import("@/app/api/my-account/verifications/email-code/route");
const emailProofVerify = await import("@/app/api/my-account/verifications/email-code/verify/route");
const email = await import("@/app/api/my-account/email/route");
const emailVerify = await import("@/app/api/my-account/email/verify/route");
const password = await import("@/app/api/my-account/password/route");
const mfa = await import("@/app/api/my-account/mfa/route");
const totp = await import("@/app/api/my-account/mfa/totp/route");
const totpVerify = await import("@/app/api/my-account/mfa/totp/verify/route");
const backupCodes = await import("@/app/api/my-account/mfa/backup-codes/route");
const sessions = await import("@/app/api/my-account/sessions/route");
const session = await import("@/app/api/my-account/sessions/[id]/route");
const activity = await import("@/app/api/my-account/activity/route");

async function proofFor(): Promise<string> {
  const { status, json } = await call(passwordProof.POST, "POST", { body: { password: PASSWORD } });
  expect(status).toBe(201);
  return json.verificationId;
}

beforeEach(async () => {
  signIn(await makeUser());
});

describe("account API: the basics", () => {
  it("answers 401 in JSON when signed out", async () => {
    signIn(null);
    expect(await call(account.GET, "GET")).toMatchObject({ status: 401, json: { error: { code: "unauthorized" } } });
  });

  it("GET /api/my-account gives the profile and the MFA state, not cached", async () => {
    const { status, json, headers } = await call(account.GET, "GET");
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(json).toMatchObject({ id: signedIn!.id, email: signedIn!.email, hasPassword: true, mfa: { totp: false, email: false, required: false } });
  });

  it("refuses non-JSON (415), oversized (413) and non-object (400) bodies", async () => {
    expect(await call(profile.PATCH, "PATCH", { raw: "name=x", type: "application/x-www-form-urlencoded" })).toMatchObject({ status: 415, json: { error: { code: "unsupported_media_type" } } });
    expect(await call(profile.PATCH, "PATCH", { body: { name: "x".repeat(17 * 1024) } })).toMatchObject({ status: 413, json: { error: { code: "payload_too_large" } } });
    expect(await call(profile.PATCH, "PATCH", { raw: "[1,2]" })).toMatchObject({ status: 400, json: { error: { code: "invalid_json" } } });
    expect(await call(profile.PATCH, "PATCH", { raw: "{" })).toMatchObject({ status: 400, json: { error: { code: "invalid_json" } } });
  });

  it("PATCH /profile returns the updated profile, or field errors", async () => {
    expect(await call(profile.PATCH, "PATCH", { body: { name: "Ada", locale: "ja" } })).toMatchObject({ status: 200, json: { name: "Ada", locale: "ja" } });
    expect(await call(profile.PATCH, "PATCH", { body: { avatarUrl: "http://x.test/a.png" } })).toMatchObject({
      status: 400, json: { error: { code: "invalid_input", fields: { avatarUrl: [expect.any(String)] } } },
    });
  });
});

describe("account API: step-up verification", () => {
  it("wrong password is a field error; a protected call without the header is 403 verification_required", async () => {
    expect(await call(passwordProof.POST, "POST", { body: { password: "not it at all" } })).toMatchObject({
      status: 400, json: { error: { code: "invalid_input", message: "That password is wrong.", fields: { password: ["That password is wrong."] } } },
    });
    expect(await call(password.PUT, "PUT", { body: { password: "a new long passphrase" } })).toMatchObject({
      status: 403, json: { error: { code: "verification_required", message: "Confirm it's you first." } },
    });
  });

  it("a proof works once, and a weak password does not use it up", async () => {
    const verificationId = await proofFor();
    expect(await call(password.PUT, "PUT", { body: { password: "short" }, verificationId })).toMatchObject({ status: 400, json: { error: { fields: { password: [expect.any(String)] } } } });
    expect(await call(password.PUT, "PUT", { body: { password: "a new long passphrase" }, verificationId })).toMatchObject({ status: 204, json: null });
    expect(await call(password.PUT, "PUT", { body: { password: "another long passphrase" }, verificationId })).toMatchObject({ status: 403 });
  });

  it("a proof made in one session does not work in another", async () => {
    const verificationId = await proofFor();
    signIn(await inOtherSession(signedIn!));
    expect(await call(password.PUT, "PUT", { body: { password: "a new long passphrase" }, verificationId })).toMatchObject({ status: 403 });
  });

  it("email code: 201 with an id, then the code makes it a proof", async () => {
    const started = await call(emailProof.POST, "POST");
    expect(started).toMatchObject({ status: 201, json: { verificationId: expect.any(String) } });
    expect(await call(emailProof.POST, "POST")).toMatchObject({ status: 429, json: { error: { code: "rate_limited" } } });
    const code = await latestCode(signedIn!.email);
    const confirmed = await call(emailProofVerify.POST, "POST", { body: { verificationId: started.json.verificationId, code } });
    expect(confirmed).toMatchObject({ status: 200, json: { verificationId: started.json.verificationId, expiresAt: expect.any(String) } });
  });
});

describe("account API: protected operations", () => {
  it("changes the email address", async () => {
    const to = `api-${signedIn!.id.slice(0, 8)}@example.test`;
    const started = await call(email.POST, "POST", { body: { email: to }, verificationId: await proofFor() });
    expect(started).toMatchObject({ status: 202, json: { changeId: expect.any(String) } });
    const done = await call(emailVerify.POST, "POST", { body: { changeId: started.json.changeId, code: await latestCode(to) } });
    expect(done).toMatchObject({ status: 200, json: { email: to } });
  });

  it("answers the same for a registered address as for a free one, also once the limits refuse", async () => {
    // The id and the address echoed back differ by nature; everything else must not.
    const answer = async (to: string) => {
      const { status, json } = await call(email.POST, "POST", { body: { email: to }, verificationId: await proofFor() });
      const { changeId, email: echoed, ...rest } = json ?? {};
      expect(echoed === undefined || echoed === to).toBe(true);
      return { status, hasChangeId: typeof changeId === "string", rest: JSON.stringify(rest).replace(/\d+ seconds?/g, "N seconds") };
    };
    for (let round = 0; round < 7; round++) {
      const taken = (await makeUser()).email;
      const free = `free-${round}-${signedIn!.id.slice(0, 8)}@example.test`;
      const [forTaken, forFree] = [await answer(taken), await answer(free)];
      expect(forTaken).toEqual(forFree);
      expect(forTaken).toMatchObject({ status: 202, hasChangeId: true });
      // Again at once: the cooldown refuses both, in the same words.
      expect(await answer(taken)).toEqual(await answer(free));
    }
  });

  it("a registered address gets a notice without a code, and the change cannot be confirmed", async () => {
    const taken = await makeUser();
    const started = await call(email.POST, "POST", { body: { email: taken.email }, verificationId: await proofFor() });
    expect(started.status).toBe(202);
    const [summary] = await listDevMessages({ to: taken.email, limit: 1 });
    const notice = await getDevMessage(summary!.id);
    expect(notice?.subject).toBe("This address can't be added to another Mailgate account");
    expect(notice?.text).not.toMatch(/\b\d{6}\b/);
    const confirmed = await call(emailVerify.POST, "POST", { body: { changeId: started.json.changeId, code: "123456" } });
    expect(confirmed).toMatchObject({ status: 400, json: { error: { code: "invalid_input", fields: { code: [expect.stringMatching(/^That code is wrong/)] } } } });
    expect((await db.user.findUniqueOrThrow({ where: { id: signedIn!.id } })).email).toBe(signedIn!.email);
  });

  it("sets up an authenticator app, regenerates backup codes, removes the app", async () => {
    const started = await call(totp.POST, "POST", { verificationId: await proofFor() });
    expect(started).toMatchObject({ status: 200, json: { enrolmentId: expect.any(String), secret: expect.any(String), otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\//) } });
    const code = totpAt(base32Decode(started.json.secret)!, Math.floor(Date.now() / 1000));
    const confirmed = await call(totpVerify.POST, "POST", { body: { enrolmentId: started.json.enrolmentId, code } });
    expect(confirmed.json.backupCodes).toHaveLength(10);
    expect(await call(mfa.GET, "GET")).toMatchObject({ status: 200, json: { totp: true, backupCodesRemaining: 10, hasAnyFactor: true } });
    expect(await call(totp.POST, "POST", { verificationId: await proofFor() })).toMatchObject({ status: 409 });
    const regenerated = await call(backupCodes.POST, "POST", { verificationId: await proofFor() });
    expect(regenerated.json.codes).toHaveLength(10);
    expect(await call(totp.DELETE, "DELETE", { verificationId: await proofFor() })).toMatchObject({ status: 204 });
    expect(await call(mfa.GET, "GET")).toMatchObject({ json: { totp: false, backupCodesRemaining: 0 } });
  });

  it("lists and ends sessions", async () => {
    const other = await makeSession(signedIn!.id);
    const third = await makeSession(signedIn!.id);
    const listed = await call(sessions.GET, "GET");
    expect(listed.json.sessions).toHaveLength(3);
    expect(listed.json.sessions[0]).toMatchObject({ id: signedIn!.sessionId, current: true, browser: "Chrome", os: "macOS" });
    expect(await call(session.DELETE, "DELETE", { params: { id: other }, verificationId: await proofFor() })).toMatchObject({ status: 204 });
    expect(await call(session.DELETE, "DELETE", { params: { id: other }, verificationId: await proofFor() })).toMatchObject({ status: 404 });
    expect(await call(sessions.DELETE, "DELETE", { verificationId: await proofFor() })).toMatchObject({ status: 200, json: { count: 1 } });
    expect(await validateSession(third)).toBeNull();
    expect(await validateSession(signedIn!.sessionId)).not.toBeNull();
  });

  it("shows the activity, newest first", async () => {
    await proofFor();
    await call(passwordProof.POST, "POST", { body: { password: "nope nope nope" } });
    const { json } = await call(activity.GET, "GET", { query: "?limit=2" });
    expect(json.events.map((e: { type: string }) => e.type)).toEqual(["step_up_failed", "step_up"]);
    expect(json.events[1]).toMatchObject({ label: "Confirmed it's you with a password", device: "Chrome on macOS" });
  });

  it("deletes the account; afterwards the session is gone", async () => {
    const user = signedIn!;
    expect(await call(account.DELETE, "DELETE", { body: { email: "wrong@example.test" }, verificationId: await proofFor() })).toMatchObject({ status: 400 });
    expect(await call(account.DELETE, "DELETE", { body: { email: user.email }, verificationId: await proofFor() })).toMatchObject({ status: 204 });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
    expect(await call(account.GET, "GET")).toMatchObject({ status: 401 });
  });
});

describe("account API: suppressed addresses", () => {
  const bounce = (address: string) => suppressAddress({ address, reason: "hard_bounce", provider: "ses", eventId: `evt-${address}`, detail: "550 5.1.1" });
  const refused = { status: 422, json: { error: { code: "address_suppressed", message: "We can't deliver email to this address. Use another address, or contact support." } } };

  it("refuses a code to a suppressed new address with 422, the same whether it has an account; after removal it goes", async () => {
    const taken = (await makeUser()).email;
    const free = `suppressed-${signedIn!.id.slice(0, 8)}@example.test`;
    await bounce(taken);
    await bounce(free);
    const [forTaken, forFree] = [
      await call(email.POST, "POST", { body: { email: taken }, verificationId: await proofFor() }),
      await call(email.POST, "POST", { body: { email: free }, verificationId: await proofFor() }),
    ];
    expect(forTaken).toMatchObject(refused);
    expect(forFree.json).toEqual(forTaken.json);
    await removeSuppression(free);
    expect(await call(email.POST, "POST", { body: { email: free }, verificationId: await proofFor() })).toMatchObject({ status: 202 });
  });

  it("refuses the email-code verification when the account's own address is suppressed", async () => {
    await bounce(signedIn!.email);
    expect(await call(emailProof.POST, "POST")).toMatchObject(refused);
  });
});
