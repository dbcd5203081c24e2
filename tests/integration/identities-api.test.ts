import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { latestCode, makeUser, PASSWORD, subjectsTo } from "@/lib/account/test-fixtures";
import { updateSettings } from "@/lib/settings/get-settings";
import { makeConnector, makeIdentity } from "@/lib/social/test-fixtures";
import { call, signInAs } from "./api-client";

/** /api/my-account/identities through the real route handlers (./api-client.ts: what is replaced). */
const identities = await import("@/app/api/my-account/identities/route");
const identity = await import("@/app/api/my-account/identities/[id]/route");
const passwordProof = await import("@/app/api/my-account/verifications/password/route");
const emailProof = await import("@/app/api/my-account/verifications/email-code/route");
const emailProofVerify = await import("@/app/api/my-account/verifications/email-code/verify/route");

let user: CurrentUser;
let connector: string;

beforeEach(async () => {
  user = signInAs(await makeUser())!;
  connector = await makeConnector({ name: "Example ID" });
});

afterEach(async () => {
  await updateSettings({ signInExperience: { signIn: { password: true, emailCode: true } } });
});

async function passwordVerification(): Promise<string> {
  const { status, json } = await call(passwordProof.POST, "POST", { body: { password: PASSWORD } });
  expect(status).toBe(201);
  return json.verificationId;
}

/** A passwordless account confirms it's them with an emailed code, as its owner would. */
async function emailVerification(): Promise<string> {
  const started = await call(emailProof.POST, "POST");
  expect(started.status).toBe(201);
  const code = await latestCode(user.email);
  const confirmed = await call(emailProofVerify.POST, "POST", { body: { verificationId: started.json.verificationId, code } });
  expect(confirmed.status).toBe(200);
  return confirmed.json.verificationId;
}

const remove = (id: string, verificationId?: string) => call(identity.DELETE, "DELETE", { params: { id }, verificationId });

describe("/api/my-account/identities", () => {
  it("answers 401 when signed out", async () => {
    const id = await makeIdentity(user.id, connector);
    signInAs(null);
    expect(await call(identities.GET, "GET")).toMatchObject({ status: 401, json: { error: { code: "unauthorized" } } });
    expect(await remove(id)).toMatchObject({ status: 401, json: { error: { code: "unauthorized" } } });
    expect(await call(identities.POST, "POST", { body: { connectorId: connector } })).toMatchObject({ status: 401 });
    expect(await db.socialIdentity.count({ where: { id } })).toBe(1);
  });

  it("GET lists the user's own identities with the connector's name and ISO dates", async () => {
    const id = await makeIdentity(user.id, connector, { email: "ada@id.example.test", name: "Ada" });
    await makeIdentity((await makeUser()).id, connector);
    const { status, json } = await call(identities.GET, "GET");
    expect(status).toBe(200);
    expect(json).toEqual({
      identities: [{
        id, connectorId: connector, provider: "Example ID", providerId: "oidc", enabled: true, email: "ada@id.example.test", name: "Ada",
        linkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), lastUsedAt: null,
      }],
    });
  });

  it("DELETE needs X-Verification-Id, then answers 204 and emails IdentityUnlinked", async () => {
    const id = await makeIdentity(user.id, connector);
    expect(await remove(id)).toMatchObject({ status: 403, json: { error: { code: "verification_required" } } });
    const verificationId = await passwordVerification();
    expect(await remove(id, verificationId)).toMatchObject({ status: 204, json: null });
    expect((await call(identities.GET, "GET")).json).toEqual({ identities: [] });
    expect(await subjectsTo(user.email)).toContain("Example ID sign-in was disconnected from your Mailgate account");
    expect(await remove(id, verificationId)).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
  });

  it("DELETE of another user's identity is 404, and leaves it alone", async () => {
    const theirs = await makeIdentity((await makeUser()).id, connector);
    expect(await remove(theirs, await passwordVerification())).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    expect(await db.socialIdentity.count({ where: { id: theirs } })).toBe(1);
  });

  it("DELETE of the last way in is 409 last_sign_in_method, with or without a verification", async () => {
    await db.user.update({ where: { id: user.id }, data: { passwordHash: null } });
    const id = await makeIdentity(user.id, connector);
    const verificationId = await emailVerification();
    await updateSettings({ signInExperience: { signIn: { password: true, emailCode: false } } });
    for (const header of [undefined, verificationId]) {
      expect(await remove(id, header)).toMatchObject({
        status: 409, json: { error: { code: "last_sign_in_method", message: expect.stringMatching(/only way left to sign in/) } },
      });
    }
    // With email-code sign-in back on, the same verification does it.
    await updateSettings({ signInExperience: { signIn: { password: true, emailCode: true } } });
    expect(await remove(id, verificationId)).toMatchObject({ status: 204 });
  });

  it("POST refuses what can't be connected before any flow starts: no connector (400), an unknown or disabled one (404), one already connected (409)", async () => {
    const off = await makeConnector({ enabled: false });
    await makeIdentity(user.id, connector);
    const flows = await db.authFlow.count();
    expect(await call(identities.POST, "POST", { body: {} })).toMatchObject({ status: 400, json: { error: { code: "invalid_input", fields: { connectorId: [expect.any(String)] } } } });
    for (const connectorId of ["nope", off]) {
      expect(await call(identities.POST, "POST", { body: { connectorId } })).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    }
    expect(await call(identities.POST, "POST", { body: { connectorId: connector } })).toMatchObject({
      status: 409, json: { error: { code: "conflict", message: expect.stringMatching(/Example ID is already connected/) } },
    });
    expect(await db.authFlow.count()).toBe(flows);
  });
});
