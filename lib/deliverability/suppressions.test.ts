import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startEmailChange } from "@/lib/account/email-change";
import { startEmailVerification } from "@/lib/account/step-up";
import { latestCode, makeCtx, makeUser, proof } from "@/lib/account/test-fixtures";
import { startPasswordReset } from "@/lib/auth/password-reset";
import { resendFlowCode } from "@/lib/auth/resend-code";
import { startCodeSignIn } from "@/lib/auth/sign-in";
import { startSignUp } from "@/lib/auth/sign-up";
import { listDevMessages } from "@/lib/connectors/dev/mailbox";
import { userText } from "@/lib/errors/codes";
import { translateText } from "@/lib/i18n/translate-text";
import { enqueue } from "@/lib/mail/outbox";
import { composeEmail, sendEmail } from "@/lib/mail/send-email";
import { runOutboxOnce } from "@/lib/mail/worker";
import { issueCode } from "@/lib/otp/issue-code";
import { inviteMembers } from "@/lib/orgs/invite-members";
import { resendInvitation } from "@/lib/orgs/resend-invitation";
import { makeOrg } from "@/lib/orgs/test-fixtures";
import { getSettings, updateSettings } from "@/lib/settings/get-settings";
import { listSuppressions, NOT_SUPPRESSED, removeSuppression, suppressionSearch } from "./suppression-list";
import { findSuppression, suppressAddress } from "./suppressions";

/*
 * The suppression list at work: what a bounce (here suppressAddress, the
 * function the webhooks call) stops, in every flow that emails a code, in
 * the outbox for every other email, and for invitations; and the console's
 * list and removal.
 */
const address = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@suppressed.test`;
const bounce = (to: string) => suppressAddress({ address: to, reason: "hard_bounce", provider: "ses", eventId: `evt-${randomUUID()}`, detail: "550 5.1.1 user unknown" });
const REFUSED = { ok: false, code: "address_suppressed", formError: userText("address_suppressed") };
const mailTo = async (to: string) => (await listDevMessages({ to, limit: 10 })).length;
const codesFor = (email: string) => db.verificationCode.count({ where: { email } });

describe("a code request to a suppressed address", () => {
  it("is refused on sign-in, sign-up and password reset, the same for a registered and an unknown address, with nothing written or sent", async () => {
    const registered = await makeUser({ email: address("registered") });
    const unknown = address("unknown");
    await bounce(registered.email.toUpperCase());
    await bounce(unknown);
    const flows = [
      (email: string) => startCodeSignIn({ email }, makeCtx()),
      (email: string) => startSignUp({ email, password: "a long enough passphrase", name: "" }, makeCtx()),
      (email: string) => startPasswordReset({ email }, makeCtx()),
    ];
    for (const flow of flows) {
      const [forRegistered, forUnknown] = [await flow(registered.email), await flow(unknown)];
      expect(forRegistered).toEqual(REFUSED);
      expect(forUnknown).toEqual(forRegistered);
    }
    expect([await codesFor(registered.email), await codesFor(unknown)]).toEqual([0, 0]);
    expect([await mailTo(registered.email), await mailTo(unknown)]).toEqual([0, 0]);
  });

  it("is refused on the code page's resend once the address bounced after the first code", async () => {
    const user = await makeUser({ email: address("resend") });
    const started = await startCodeSignIn({ email: user.email }, makeCtx());
    if (!started.ok) throw new Error(JSON.stringify(started));
    await bounce(user.email);
    await db.verificationCode.updateMany({ where: { email: user.email }, data: { sentAt: new Date(Date.now() - 3_600_000) } });
    expect(await resendFlowCode("sign-in", started.value.flowId, makeCtx())).toEqual(REFUSED);
  });

  it("says so at once when the address bounced within the resend cooldown, instead of asking to wait first", async () => {
    const user = await makeUser({ email: address("cooldown") });
    const started = await startCodeSignIn({ email: user.email }, makeCtx());
    if (!started.ok) throw new Error(JSON.stringify(started));
    await bounce(user.email);
    expect(await resendFlowCode("sign-in", started.value.flowId, makeCtx())).toEqual(REFUSED);
    expect(await startCodeSignIn({ email: user.email }, makeCtx())).toEqual(REFUSED);
  });

  it("is refused for the account's own address (Confirm it's you) and for a new address, registered or not (email change)", async () => {
    const user = await makeUser({ email: address("owner") });
    const taken = await makeUser({ email: address("taken") });
    const free = address("free");
    await bounce(taken.email);
    await bounce(free);
    const [toTaken, toFree] = [await startEmailChange(user, await proof(user), taken.email, makeCtx()), await startEmailChange(user, await proof(user), free, makeCtx())];
    expect(toTaken).toEqual(REFUSED);
    expect(toFree).toEqual(toTaken);
    await bounce(user.email);
    expect(await startEmailVerification(user, makeCtx())).toEqual(REFUSED);
  });

  it("names the branding's support address when one is set", async () => {
    const to = address("support");
    await bounce(to);
    const { branding } = await getSettings();
    await updateSettings({ branding: { supportEmail: "help@example.test" } });
    try {
      expect(await startCodeSignIn({ email: to }, makeCtx())).toEqual({
        ok: false, code: "address_suppressed", formError: "We can't deliver email to this address. Use another address, or write to help@example.test.",
      });
    } finally {
      await updateSettings({ branding: { supportEmail: branding.supportEmail } });
    }
  });

  it("reads in Japanese, with or without the support address", async () => {
    expect(translateText("ja", userText("address_suppressed"))).toBe("このメールアドレスにはメールを配信できません。別のメールアドレスを使用するか、サポートにお問い合わせください。");
    expect(translateText("ja", "We can't deliver email to this address. Use another address, or write to help@example.test.")).toBe(
      "このメールアドレスにはメールを配信できません。別のメールアドレスを使用するか、help@example.test までお問い合わせください。",
    );
  });

  it("still takes the limits' attempt before it is refused, so asking again and again is limited like any request", async () => {
    const to = address("limits");
    await bounce(to);
    const limits = { ...(await getSettings()).signInExperience.otp, resendCooldownSeconds: 0, maxSendsPerAddressPerHour: 2 };
    const ask = () => issueCode({ purpose: "SignIn", email: to, flowId: randomUUID(), ip: makeCtx().ip }, limits);
    expect(await ask()).toEqual({ ok: false, reason: "suppressed" });
    expect(await ask()).toEqual({ ok: false, reason: "suppressed" });
    expect(await ask()).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("goes through again once the address is removed from the list", async () => {
    const user = await makeUser({ email: address("removed") });
    await bounce(user.email);
    expect(await startCodeSignIn({ email: user.email }, makeCtx())).toEqual(REFUSED);
    expect(await removeSuppression(user.email.toUpperCase())).toEqual({ ok: true, value: null });
    expect(await startCodeSignIn({ email: user.email }, makeCtx())).toMatchObject({ ok: true });
    expect(await latestCode(user.email)).toMatch(/^\d{6}$/);
  });
});

describe("the console's words for it", () => {
  it("are in Japanese too: why an email was not sent, and a removal that found nothing", () => {
    const texts = [
      NOT_SUPPRESSED,
      "The address is on the suppression list (a hard bounce reported by ses).",
      "The address is on the suppression list (a spam complaint reported by sendgrid).",
    ];
    expect(texts.map((text) => translateText("ja", text))).toEqual([
      "このアドレスは送信停止リストに載っていません（すでに削除されています）。",
      "このアドレスは送信停止リストに載っています（ses がハードバウンスを通知しました）。",
      "このアドレスは送信停止リストに載っています（sendgrid が迷惑メール報告を通知しました）。",
    ]);
  });
});

describe("the outbox", () => {
  it("writes an email to a suppressed address dead with address_suppressed and never hands it to the connector", async () => {
    const to = address("notice");
    await suppressAddress({ address: to, reason: "complaint", provider: "sendgrid", eventId: "sg-1", detail: "spamreport" });
    const sent = await sendEmail({ kind: "NoAccountNotice", to, locale: "en" });
    expect(sent).toEqual({
      ok: false, messageId: expect.any(String), retrying: false, errorCode: "address_suppressed",
      errorMessage: "The address is on the suppression list (a spam complaint reported by sendgrid).",
    });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: sent.messageId } })).toMatchObject({
      status: "dead", errorCode: "address_suppressed", body: null, leaseToken: null, nextAttemptAt: null, recipient: to,
    });
    expect(await mailTo(to)).toBe(0);
  });

  it("gives up a waiting email whose address bounced after it was written", async () => {
    const to = address("queued");
    const composed = await composeEmail({ kind: "NoAccountNotice", to, locale: "en" });
    const queued = await enqueue(composed.message, { connector: composed.connectorId, leased: false });
    await bounce(to);
    await runOutboxOnce();
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      status: "dead", errorCode: "address_suppressed", errorMessage: "The address is on the suppression list (a hard bounce reported by ses).", body: null,
    });
    expect(await mailTo(to)).toBe(0);
  });
});

describe("invitations", () => {
  it("a suppressed address alone is refused in the form's words; among others it is reported and the rest are invited", async () => {
    const { org, owner } = await makeOrg();
    const bounced = address("invitee");
    const fine = address("invitee-ok");
    await bounce(bounced);
    expect(await inviteMembers(owner, org.slug, { emails: bounced, role: "member" }, makeCtx())).toEqual({
      ok: false, code: "address_suppressed", fieldErrors: { emails: [userText("address_suppressed")] },
    });
    expect(await inviteMembers(owner, org.slug, { emails: `${bounced}, ${fine}`, role: "member" }, makeCtx())).toMatchObject({
      ok: true, value: { outcomes: [{ email: bounced, status: "suppressed" }, { email: fine, status: "invited", delivery: "sent" }] },
    });
    expect(await db.invitation.count({ where: { email: bounced } })).toBe(0);
    expect(await mailTo(bounced)).toBe(0);
  });

  it("a pending invitation is not sent again once its address bounced", async () => {
    const { org, owner } = await makeOrg();
    const to = address("pending");
    const invited = await inviteMembers(owner, org.slug, { emails: to, role: "member" }, makeCtx());
    if (!invited.ok) throw new Error(JSON.stringify(invited));
    await bounce(to);
    const invitation = await db.invitation.findFirstOrThrow({ where: { email: to } });
    expect(await resendInvitation(owner, org.slug, invitation.id, makeCtx())).toEqual(REFUSED);
  });
});

describe("the list", () => {
  it("is found by any spelling of the address (the account centre's banner reads it so)", async () => {
    const to = address("Mixed.Case");
    await bounce(to);
    expect(await findSuppression(to.toUpperCase())).toMatchObject({ address: to.toLowerCase(), reason: "hard_bounce", provider: "ses" });
    expect(await findSuppression(address("never"))).toBeNull();
  });

  it("lists newest first, searches by part of the address, and removes an entry once", async () => {
    const tag = randomUUID().slice(0, 8);
    const older = `older-${tag}@list.test`;
    const newer = `newer-${tag}@list.test`;
    await bounce(older);
    await db.emailSuppression.update({ where: { address: older }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await bounce(newer);
    const found = await listSuppressions(suppressionSearch(` ${tag.toUpperCase()}@LIST `));
    expect(found).toMatchObject({ total: 2, rows: [{ address: newer }, { address: older }] });
    expect((await listSuppressions("")).rows[0]).toMatchObject({ address: newer });
    expect(await removeSuppression(newer)).toEqual({ ok: true, value: null });
    expect(await removeSuppression(newer)).toEqual({ ok: false, code: "not_found", formError: NOT_SUPPRESSED });
    expect(await listSuppressions(suppressionSearch(tag))).toMatchObject({ total: 1, rows: [{ address: older }] });
  });
});
