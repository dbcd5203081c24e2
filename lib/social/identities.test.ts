import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listEvents } from "@/lib/account/audit";
import { peekVerification } from "@/lib/account/step-up";
import { makeCtx, makeUser, proof, subjectsTo } from "@/lib/account/test-fixtures";
import { getDevMessage, listDevMessages } from "@/lib/connectors/dev/mailbox";
import { updateSettings } from "@/lib/settings/get-settings";
import { deleteSocialConnector } from "./store";
import { IDENTITY_GONE, LAST_SIGN_IN_METHOD, listIdentities, unlinkIdentity } from "./identities";
import { makeConnector, makeIdentity } from "./test-fixtures";

const UNLINKED = "Example ID sign-in was disconnected from your Mailgate account";

afterEach(async () => {
  await updateSettings({ signInExperience: { signIn: { password: true, emailCode: true }, notifications: { identityChanges: true } } });
});

const codeSignIn = (emailCode: boolean) => updateSettings({ signInExperience: { signIn: { password: true, emailCode } } });

describe("listIdentities", () => {
  it("names each identity by its connector, and by its id once the connector is deleted", async () => {
    const user = await makeUser();
    const kept = await makeConnector({ name: "Example ID" });
    const deleted = await makeConnector({ name: "Gone ID" });
    const off = await makeConnector({ name: "Paused ID", enabled: false });
    await makeIdentity(user.id, kept, { email: "ada@id.example.test", name: "Ada" });
    await makeIdentity(user.id, deleted, { email: null, name: null });
    await makeIdentity(user.id, off);
    await makeIdentity((await makeUser()).id, kept);
    await deleteSocialConnector(deleted);
    const list = await listIdentities(user.id);
    expect(list.map(({ provider, providerId, enabled, email, name }) => ({ provider, providerId, enabled, email, name }))).toEqual([
      { provider: "Example ID", providerId: "oidc", enabled: true, email: "ada@id.example.test", name: "Ada" },
      { provider: deleted, providerId: null, enabled: false, email: null, name: null },
      { provider: "Paused ID", providerId: "oidc", enabled: false, email: "ada@id.example.test", name: "Ada at Example ID" },
    ]);
    expect(list[0]!.linkedAt).toBeInstanceOf(Date);
    expect(list[0]!.lastUsedAt).toBeNull();
  });
});

describe("unlinkIdentity: the last-method rule, through the database", () => {
  type Other = "none" | "enabled" | "disabled" | "deleted";
  const matrix = [true, false].flatMap((password) =>
    (["none", "enabled", "disabled", "deleted"] as Other[]).flatMap((other) => [true, false].map((emailCode) => ({ password, other, emailCode }))),
  );

  it.each(matrix)("password $password, other sign-in $other, email codes $emailCode", async ({ password, other, emailCode }) => {
    const user = await makeUser({ password: password ? undefined : null });
    const target = await makeIdentity(user.id, await makeConnector());
    if (other !== "none") {
      const connector = await makeConnector({ enabled: other !== "disabled" });
      await makeIdentity(user.id, connector);
      if (other === "deleted") await deleteSocialConnector(connector);
    }
    await codeSignIn(emailCode);
    // Passwordless accounts confirm with an email code; the proof's making is not what is tested here.
    const verificationId = password ? await proof(user) : await emailProof(user);
    const result = await unlinkIdentity(user, verificationId, target, makeCtx());
    const allowed = password || other === "enabled" || emailCode;
    if (allowed) {
      expect(result).toMatchObject({ ok: true, value: { id: target } });
      expect(await db.socialIdentity.count({ where: { id: target } })).toBe(0);
    } else {
      expect(result).toEqual({ ok: false, code: "last_sign_in_method", formError: LAST_SIGN_IN_METHOD });
      expect(await db.socialIdentity.count({ where: { id: target } })).toBe(1);
      // Refused before the proof was used: the user can set a password with it.
      expect(await peekVerification(user, verificationId)).toBe(true);
    }
  });
});

/** A verified step-up row for a user without a password, as confirmEmailVerification leaves it. */
async function emailProof(user: { id: string; sessionId: string }): Promise<string> {
  const id = `proof-${Math.random().toString(36).slice(2)}`;
  await db.verification.create({
    data: { id, userId: user.id, sessionId: user.sessionId, method: "email_code", verifiedAt: new Date(), expiresAt: new Date(Date.now() + 600_000) },
  });
  return id;
}

describe("unlinkIdentity", () => {
  it("needs a fresh step-up, and uses it up", async () => {
    const user = await makeUser();
    const connector = await makeConnector();
    const first = await makeIdentity(user.id, connector);
    expect(await unlinkIdentity(user, undefined, first, makeCtx())).toMatchObject({ ok: false, code: "verification_required" });
    const verificationId = await proof(user);
    expect(await unlinkIdentity(user, verificationId, first, makeCtx())).toMatchObject({ ok: true });
    const second = await makeIdentity(user.id, await makeConnector());
    expect(await unlinkIdentity(user, verificationId, second, makeCtx())).toMatchObject({ ok: false, code: "verification_required" });
  });

  it("answers not_found for another user's identity, an unknown id or a non-string, without using the proof", async () => {
    const user = await makeUser();
    const theirs = await makeIdentity((await makeUser()).id, await makeConnector());
    const verificationId = await proof(user);
    for (const id of [theirs, "nope", 42, undefined]) {
      expect(await unlinkIdentity(user, verificationId, id, makeCtx())).toEqual({ ok: false, code: "not_found", formError: IDENTITY_GONE });
    }
    expect(await peekVerification(user, verificationId)).toBe(true);
    expect(await db.socialIdentity.count({ where: { id: theirs } })).toBe(1);
  });

  it("records the event and emails IdentityUnlinked with the provider, the account, when, the browser and the IP", async () => {
    const user = await makeUser();
    const target = await makeIdentity(user.id, await makeConnector({ name: "Example ID" }), { email: "ada@id.example.test", name: "Ada" });
    const ctx = makeCtx();
    expect(await unlinkIdentity(user, await proof(user), target, ctx)).toMatchObject({ ok: true });
    const [event] = (await listEvents(user.id)).filter((e) => e.type === "social_unlinked");
    expect(event).toMatchObject({ label: "Disconnected sign-in with Example ID", ip: ctx.ip, device: "Chrome on macOS" });
    const [summary] = await listDevMessages({ to: user.email, limit: 1 });
    expect(summary?.subject).toBe(UNLINKED);
    const message = await getDevMessage(summary!.id);
    expect(message?.text).toContain("The Example ID account Ada (a•••@id.example.test) can no longer sign in to your Mailgate account.");
    expect(message?.text).toMatch(new RegExp(`When: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\. From: Chrome on macOS, IP address ${ctx.ip.replaceAll(".", "\\.")}\\.`));
  });

  it("sends no notice when the setting is off", async () => {
    await updateSettings({ signInExperience: { notifications: { identityChanges: false } } });
    const user = await makeUser();
    const target = await makeIdentity(user.id, await makeConnector({ name: "Example ID" }));
    expect(await unlinkIdentity(user, await proof(user), target, makeCtx())).toMatchObject({ ok: true });
    expect(await subjectsTo(user.email)).not.toContain(UNLINKED);
    expect((await listEvents(user.id)).map((e) => e.type)).toContain("social_unlinked");
  });

  it("of two disconnects racing for an account's last two sign-ins, exactly one succeeds", async () => {
    await codeSignIn(false);
    const user = await makeUser({ password: null });
    const a = await makeIdentity(user.id, await makeConnector());
    const b = await makeIdentity(user.id, await makeConnector());
    const [proofA, proofB] = [await emailProof(user), await emailProof(user)];
    const results = await Promise.all([unlinkIdentity(user, proofA, a, makeCtx()), unlinkIdentity(user, proofB, b, makeCtx())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "last_sign_in_method" });
    expect(await db.socialIdentity.count({ where: { userId: user.id } })).toBe(1);
    // The loser's proof was given back.
    const loser = results[0]!.ok ? proofB : proofA;
    expect(await peekVerification(user, loser)).toBe(true);
  });
});
