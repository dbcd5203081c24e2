import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getDevMessage, listDevMessages } from "@/lib/connectors/dev/mailbox";
import { latestCode, makeCtx, makeUser, PASSWORD, subjectsTo, wrongCode } from "@/lib/account/test-fixtures";
import { verifyPassword } from "@/lib/auth/password";
import { completeSignUp, SIGN_UP_BY_INVITATION, startSignUp } from "@/lib/auth/sign-up";
import { updateSettings } from "@/lib/settings/get-settings";
import { acceptInvitationWithNewAccount } from "./accept-invitation-with-new-account";
import { inviteMembers } from "./invite-members";
import { revokeInvitation } from "./revoke-invitation";
import { resendInvitationSignUpCode } from "./resend-invitation-sign-up-code";
import { startInvitationSignUp } from "./start-invitation-sign-up";
import { inviteeAddress, latestInvitationToken, makeOrg, roleOf } from "./test-fixtures";

async function invitation(role: "admin" | "member" = "member", email = inviteeAddress()) {
  const { org, owner } = await makeOrg();
  const invited = await inviteMembers(owner, org.slug, { emails: email, role }, makeCtx());
  if (!invited.ok) throw new Error(JSON.stringify(invited));
  return { org, owner, email, token: await latestInvitationToken(email), id: (await db.invitation.findFirstOrThrow({ where: { organizationId: org.id } })).id };
}

/** The text of the newest email to `to`, as the recipient reads it. */
async function latestText(to: string): Promise<string> {
  const [summary] = await listDevMessages({ to, limit: 1 });
  return (summary && (await getDevMessage(summary.id))?.text) ?? "";
}

/** As if the last code to `to` was sent two minutes ago: past any resend cooldown. */
const pastCooldown = (email: string) => db.verificationCode.updateMany({ where: { email }, data: { sentAt: new Date(Date.now() - 120_000) } });

const setMode = (mode: "open" | "invitation") => updateSettings({ signInExperience: { signUp: { emailPassword: true, mode } } });

describe("joining by invitation with a new account", () => {
  it("proves the invited address by a code, then creates the verified account, the membership and the session in one go", async () => {
    const { org, email, token, id } = await invitation("admin");
    const ctx = makeCtx();
    const started = await startInvitationSignUp(token, { password: PASSWORD, name: "Ada" }, ctx);
    expect(started).toMatchObject({ ok: true, value: { maskedEmail: `${email[0]}•••@example.test` } });
    if (!started.ok) return;
    expect((await subjectsTo(email))[0]).toMatch(/^\d{6} is your Mailgate invitation code$/);
    expect(await db.user.count({ where: { email } })).toBe(0);
    const code = await latestCode(email);
    expect(await acceptInvitationWithNewAccount(started.value.flowId, wrongCode(code), ctx)).toMatchObject({ ok: false, fieldErrors: { code: [expect.any(String)] } });
    expect(await acceptInvitationWithNewAccount(started.value.flowId, code, ctx)).toMatchObject({
      ok: true, value: { session: { sessionId: expect.any(String), userId: expect.any(String) }, organization: { id: org.id, slug: org.slug } },
    });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.name).toBe("Ada");
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
    expect(await roleOf(org, user.id)).toBe("admin");
    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "accepted", acceptedById: user.id });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("an address that already has an account gets the sign-in notice instead of a code, with the same answer on the page", async () => {
    const { token, email } = await invitation();
    await makeUser({ email });
    const started = await startInvitationSignUp(token, { password: PASSWORD, name: "" }, makeCtx());
    expect(started).toMatchObject({ ok: true, value: { flowId: expect.any(String), maskedEmail: expect.any(String) } });
    expect((await subjectsTo(email))[0]).toBe("You already have an account with Mailgate");
    // Its "Sign in" comes back to this invitation.
    expect(await latestText(email)).toMatch(new RegExp(`^Sign in: http\\S+/sign-in\\?next=%2Finvite%2F${token}$`, "m"));
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("resends the code only for the flow's own, still pending invitation, and the notice links back to it", async () => {
    const { org, owner, email, token, id } = await invitation();
    const other = await invitation();
    await makeUser({ email });
    const ctx = makeCtx();
    const started = await startInvitationSignUp(token, { password: PASSWORD, name: "" }, ctx);
    if (!started.ok) throw new Error("not started");
    const { flowId } = started.value;
    expect(await resendInvitationSignUpCode(token, flowId, ctx)).toMatchObject({ ok: false, code: "rate_limited" });
    await pastCooldown(email);
    expect(await resendInvitationSignUpCode(other.token, flowId, ctx)).toMatchObject({ ok: false, code: "not_found" });
    expect(await resendInvitationSignUpCode(token, "no-such-flow", ctx)).toMatchObject({ ok: false, code: "not_found" });
    expect(await resendInvitationSignUpCode(token, flowId, ctx)).toEqual({ ok: true, value: null });
    expect(await subjectsTo(email)).toEqual(["You already have an account with Mailgate", "You already have an account with Mailgate", expect.stringMatching(/invited you/)]);
    expect(await latestText(email)).toContain(`/sign-in?next=%2Finvite%2F${token}`);
    await pastCooldown(email);
    expect((await revokeInvitation(owner, org.slug, id, ctx)).ok).toBe(true);
    expect(await resendInvitationSignUpCode(token, flowId, ctx)).toMatchObject({ ok: false, code: "gone", formError: expect.stringMatching(/withdrawn/) });
  });

  it("an invitation revoked before the code is entered creates nothing, and the code stays unused", async () => {
    const { org, owner, email, token, id } = await invitation();
    const ctx = makeCtx();
    const started = await startInvitationSignUp(token, { password: PASSWORD, name: "" }, ctx);
    if (!started.ok) throw new Error("not started");
    expect((await revokeInvitation(owner, org.slug, id, ctx)).ok).toBe(true);
    expect(await acceptInvitationWithNewAccount(started.value.flowId, await latestCode(email), ctx)).toMatchObject({ ok: false, code: "gone" });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await db.verificationCode.findFirstOrThrow({ where: { email, purpose: "OrganizationInvitation" } })).consumedAt).toBeNull();
    expect(await startInvitationSignUp(token, { password: PASSWORD, name: "" }, ctx)).toMatchObject({ ok: false, code: "gone" });
  });

  it("holds the password to the sign-up policy", async () => {
    const { token } = await invitation();
    expect(await startInvitationSignUp(token, { password: "short", name: "" }, makeCtx())).toMatchObject({ ok: false, fieldErrors: { password: [expect.any(String)] } });
  });
});

describe("invitation-only sign-up", () => {
  it("refuses a plain sign-up and creates nothing, while an invitation still creates the account", async () => {
    const ctx = makeCtx();
    const before = inviteeAddress();
    const earlier = await startSignUp({ email: before, password: PASSWORD, name: "" }, ctx);
    if (!earlier.ok) throw new Error("not started");
    await setMode("invitation");
    try {
      const email = inviteeAddress();
      expect(await startSignUp({ email, password: PASSWORD, name: "" }, ctx)).toMatchObject({ ok: false, code: "forbidden", formError: SIGN_UP_BY_INVITATION });
      expect(await db.authFlow.count({ where: { email } })).toBe(0);
      expect(await db.emailMessage.count({ where: { recipient: email } })).toBe(0);
      // A sign-up started before the switch is not completed either.
      expect(await completeSignUp(earlier.value.flowId, await latestCode(before), ctx)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await db.user.count({ where: { email: before } })).toBe(0);

      const { org, email: invited, token } = await invitation();
      const started = await startInvitationSignUp(token, { password: PASSWORD, name: "" }, ctx);
      if (!started.ok) throw new Error("not started");
      expect((await acceptInvitationWithNewAccount(started.value.flowId, await latestCode(invited), ctx)).ok).toBe(true);
      expect(await roleOf(org, (await db.user.findUniqueOrThrow({ where: { email: invited } })).id)).toBe("member");
    } finally {
      await setMode("open");
    }
  });
});
