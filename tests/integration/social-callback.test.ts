import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signInAs } from "./api-client";
import { db } from "@/lib/db";
import { latestCode, makeCtx, makeUser, subjectsTo, wrongCode } from "@/lib/account/test-fixtures";
import { updateSettings } from "@/lib/settings/get-settings";
import type { SocialProfile } from "@/lib/social/types";

/**
 * The social callback's state machine against the real database (SQLite or
 * PostgreSQL), the real OTP engine and the dev mailbox: what each decision
 * creates, links, sends and where the browser goes. The cookie jar stands in
 * for the browser (next/headers has no request here).
 */
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string, options?: { maxAge?: number }) => (options?.maxAge === 0 || value === "" ? jar.delete(name) : jar.set(name, value)),
    delete: (name: string) => jar.delete(name),
  }),
}));

const { runSocialCallback } = await import("@/lib/social/run-callback");
const { completeSocialLink } = await import("@/lib/social/complete-link");
const { submitSocialEmail } = await import("@/lib/social/start-link");
const { linkIdentity } = await import("@/lib/social/link-identity");
const { createFlow } = await import("@/lib/auth/flow");

const connector = { id: "oidc-test", name: "Test ID" };
const address = () => `social-${randomUUID().slice(0, 8)}@example.test`;
const profile = (over: Partial<SocialProfile> = {}): SocialProfile => ({
  connectorId: connector.id, subject: `sub-${randomUUID()}`, email: address(), emailVerified: true, name: "Ada Social", image: null, ...over,
});
const identitiesOf = (userId: string) => db.socialIdentity.findMany({ where: { userId }, select: { connectorId: true, subject: true } });
const run = (p: SocialProfile, ctx = makeCtx()) => runSocialCallback(p, connector, ctx);

beforeEach(async () => {
  jar.clear();
  signInAs(null);
  await updateSettings({ signInExperience: { signUp: { emailPassword: true, mode: "open" } } });
});

describe("a new identity with a verified address", () => {
  it("creates the verified account, links the identity and makes a session; the next callback signs in to the same account", async () => {
    const p = profile();
    const first = await run(p);
    expect(first).toMatchObject({ session: { userId: expect.any(String), sessionId: expect.any(String) } });
    if (!("session" in first)) throw new Error("no session");
    const user = await db.user.findUniqueOrThrow({ where: { email: p.email! } });
    expect(user).toMatchObject({ id: first.session.userId, name: "Ada Social", passwordHash: null, emailVerifiedAt: expect.any(Date) });
    expect(await identitiesOf(user.id)).toEqual([{ connectorId: connector.id, subject: p.subject }]);
    expect((await db.session.findUniqueOrThrow({ where: { id: first.session.sessionId } })).activatedAt).not.toBeNull();

    const again = await run({ ...p, email: "changed@example.test" });
    expect(again).toMatchObject({ session: { userId: user.id } });
    expect(await db.user.count({ where: { email: "changed@example.test" } })).toBe(0);
    const events = await db.auditEvent.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["sign_in", "social_linked"]));
    expect(events.some((e) => e.type === "sign_in" && JSON.parse(e.detail).provider === connector.name)).toBe(true);
  });

  it("explains instead of creating anything while sign-up is by invitation only or turned off", async () => {
    await updateSettings({ signInExperience: { signUp: { mode: "invitation" } } });
    const p = profile();
    expect(await run(p)).toEqual({ redirect: "/sign-in/social/error?reason=invitation-only" });
    await updateSettings({ signInExperience: { signUp: { mode: "open", emailPassword: false } } });
    expect(await run(p)).toEqual({ redirect: "/sign-in/social/error?reason=sign-up-closed" });
    expect(await db.user.count({ where: { email: p.email! } })).toBe(0);
    expect(await db.socialIdentity.count({ where: { subject: p.subject } })).toBe(0);
  });
});

describe("a verified address that has an account", () => {
  it("links nothing until the code sent to the account's address is entered; a wrong code links nothing; then MFA is asked", async () => {
    const owner = await makeUser();
    await db.mfaFactor.create({ data: { id: randomUUID(), userId: owner.id, type: "totp", secret: "sealed", confirmedAt: new Date() } });
    const p = profile({ email: owner.email });
    const ctx = makeCtx();
    expect(await run(p, ctx)).toEqual({ redirect: "/sign-in/social/link" });
    expect(await identitiesOf(owner.id)).toEqual([]);
    const flowId = jar.get("mg_flow");
    expect(flowId).toBeTruthy();
    expect((await subjectsTo(owner.email))[0]).toMatch(/^\d{6} is your code to connect Test ID to /);
    const code = await latestCode(owner.email);

    const wrong = await completeSocialLink(flowId, wrongCode(code), ctx);
    expect(wrong).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await identitiesOf(owner.id)).toEqual([]);
    // The code belongs to this browser's flow: another flow id gets nothing from it.
    expect(await completeSocialLink("another-flow", code, ctx)).toMatchObject({ ok: false, code: "not_found" });

    const right = await completeSocialLink(flowId, code, ctx);
    expect(right).toMatchObject({ ok: true, value: { challengeId: expect.any(String) } });
    expect(await identitiesOf(owner.id)).toEqual([{ connectorId: connector.id, subject: p.subject }]);
    // The owner is told their account gained a way in (IdentityLinked), once it is committed.
    // (Named by the connector's id: this test's connector row is not saved.)
    expect(await subjectsTo(owner.email)).toContain("oidc-test sign-in was connected to your Mailgate account");
    // Used once: the flow is over.
    expect(await completeSocialLink(flowId, code, ctx)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("asks for the code even while sign-up is closed, and signs in without a second step when the account has none", async () => {
    await updateSettings({ signInExperience: { signUp: { emailPassword: false } } });
    const owner = await makeUser();
    const p = profile({ email: owner.email });
    expect(await run(p)).toEqual({ redirect: "/sign-in/social/link" });
    const done = await completeSocialLink(jar.get("mg_flow"), await latestCode(owner.email), makeCtx());
    expect(done).toMatchObject({ ok: true, value: { session: { sessionId: expect.any(String), userId: expect.any(String) } } });
  });
});

describe("no address the provider vouches for", () => {
  for (const [label, over] of [["unverified", { emailVerified: false }], ["missing", { email: null, emailVerified: false }]] as const) {
    it(`(${label}) asks for an address; the answer is the same for an account's address and a new one`, async () => {
      const owner = await makeUser();
      const linkTo = profile(over);
      expect(await run(linkTo)).toEqual({ redirect: "/sign-in/social/email" });
      expect(await db.user.count({ where: { email: linkTo.email ?? "" } })).toBe(0);
      const toOwner = await submitSocialEmail(jar.get("mg_flow"), owner.email, makeCtx());
      expect(toOwner).toMatchObject({ ok: true, value: { email: owner.email } });

      jar.clear();
      const signUp = profile(over);
      expect(await run(signUp)).toEqual({ redirect: "/sign-in/social/email" });
      const fresh = address();
      const toFresh = await submitSocialEmail(jar.get("mg_flow"), fresh, makeCtx());
      expect(toFresh).toMatchObject({ ok: true, value: { email: fresh } });
      expect(Object.keys(toOwner.ok ? toOwner.value : {})).toEqual(Object.keys(toFresh.ok ? toFresh.value : {}));

      if (!toFresh.ok || !toOwner.ok) throw new Error("not sent");
      expect((await subjectsTo(owner.email))[0]).toMatch(/code to connect Test ID/);
      expect((await subjectsTo(fresh))[0]).toMatch(/sign-up code/);
      expect(await completeSocialLink(toOwner.value.flowId, await latestCode(owner.email), makeCtx())).toMatchObject({ ok: true });
      expect(await identitiesOf(owner.id)).toEqual([{ connectorId: connector.id, subject: linkTo.subject }]);
      expect(await completeSocialLink(toFresh.value.flowId, await latestCode(fresh), makeCtx())).toMatchObject({ ok: true, value: { session: { sessionId: expect.any(String), userId: expect.any(String) } } });
      const created = await db.user.findUniqueOrThrow({ where: { email: fresh } });
      expect(await identitiesOf(created.id)).toEqual([{ connectorId: connector.id, subject: signUp.subject }]);
    });
  }

  it("sends a new address only a notice while sign-up is closed, so no account can be made", async () => {
    await updateSettings({ signInExperience: { signUp: { emailPassword: false } } });
    expect(await run(profile({ emailVerified: false }))).toEqual({ redirect: "/sign-in/social/email" });
    const fresh = address();
    expect(await submitSocialEmail(jar.get("mg_flow"), fresh, makeCtx())).toMatchObject({ ok: true });
    expect((await subjectsTo(fresh))[0]).toMatch(/There's no .* account for this address/);
  });
});

describe("a connect from the account centre", () => {
  async function startConnect(user: { id: string; sessionId: string }) {
    const flow = await createFlow("social-connect", "", { userId: user.id, sessionId: user.sessionId });
    jar.set("mg_flow", flow.id);
  }

  it("links to the signed-in user, says so again for their own identity, and never moves another account's identity", async () => {
    const me = signInAs(await makeUser())!;
    const p = profile({ emailVerified: false });
    await startConnect(me);
    expect(await run(p)).toEqual({ redirect: "/account/connections?status=linked" });
    expect(await identitiesOf(me.id)).toEqual([{ connectorId: connector.id, subject: p.subject }]);
    expect(jar.has("mg_flow")).toBe(false);
    await startConnect(me);
    expect(await run(p)).toEqual({ redirect: "/account/connections?status=already" });

    const other = signInAs(await makeUser())!;
    await startConnect(other);
    expect(await run(p)).toEqual({ redirect: "/account/connections?status=linked-elsewhere" });
    expect(await identitiesOf(other.id)).toEqual([]);
  });

  it("refuses when the session that started it is no longer this browser's", async () => {
    const me = await makeUser();
    await startConnect(me);
    signInAs(null);
    expect(await run(profile())).toEqual({ redirect: "/account/connections?status=expired" });
    expect(await identitiesOf(me.id)).toEqual([]);
  });
});

describe("linkIdentity", () => {
  it("is idempotent for the same account, refuses another, and lets exactly one of two racing accounts have it", async () => {
    const [a, b] = [await makeUser(), await makeUser()];
    const p = profile();
    const ctx = makeCtx();
    const first = await linkIdentity(a.id, p, ctx);
    expect(first).toMatchObject({ ok: true, value: { created: true } });
    expect(await linkIdentity(a.id, p, ctx)).toMatchObject({ ok: true, value: { created: false } });
    expect(await linkIdentity(b.id, p, ctx)).toMatchObject({ ok: false, code: "identity_linked_elsewhere" });

    const raced = profile();
    const results = await Promise.all([linkIdentity(a.id, raced, ctx), linkIdentity(b.id, raced, ctx)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "identity_linked_elsewhere")).toHaveLength(1);
    expect(await db.socialIdentity.count({ where: { subject: raced.subject } })).toBe(1);
  });
});
