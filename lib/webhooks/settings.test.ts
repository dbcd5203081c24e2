import { generateKeyPairSync } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkPastedSetting, generatePostmarkCredentials, savePastedSetting, webhookUrl } from "./settings";
import { listEndpoints, loadEndpointSettings } from "./store";

const derBase64 = (key: ReturnType<typeof generateKeyPairSync>["publicKey"]) => key.export({ format: "der", type: "spki" }).toString("base64");
const p256 = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).publicKey;

beforeEach(async () => {
  await db.webhookEndpoint.deleteMany();
});

describe("checking what the operator pastes", () => {
  it("takes an SNS topic ARN in any AWS partition, and nothing else", () => {
    for (const arn of ["arn:aws:sns:us-east-1:123456789012:ses-events", "arn:aws-cn:sns:cn-north-1:123456789012:a", "arn:aws-us-gov:sns:us-gov-west-1:123456789012:b_c-d"]) {
      expect(checkPastedSetting("ses", arn), arn).toEqual({ ok: true, value: arn });
    }
    for (const arn of ["", "arn:aws:sqs:us-east-1:123456789012:q", "arn:aws:sns:us-east-1:12345:t", "arn:aws:sns:us-east-1:123456789012:", "arn:aws:sns:us-east-1:123456789012:t.fifo", "https://sns.us-east-1.amazonaws.com"]) {
      expect(checkPastedSetting("ses", arn), arn).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { topicArn: [expect.stringContaining("ARN")] } });
    }
  });

  it("takes SendGrid's P-256 key as base64 DER or as a PEM, saved as base64 DER", () => {
    const base64 = derBase64(p256);
    const pem = p256.export({ format: "pem", type: "spki" }).toString();
    expect(checkPastedSetting("sendgrid", base64)).toEqual({ ok: true, value: base64 });
    expect(checkPastedSetting("sendgrid", pem)).toEqual({ ok: true, value: base64 });
    // An input field drops a PEM's line breaks.
    expect(checkPastedSetting("sendgrid", pem.replace(/\n/g, ""))).toEqual({ ok: true, value: base64 });
  });

  it("refuses a SendGrid key on another curve, of another kind, or not a key", () => {
    const p384 = generateKeyPairSync("ec", { namedCurve: "secp384r1" }).publicKey;
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey;
    for (const value of [derBase64(p384), derBase64(rsa), "bm90IGEga2V5", "not base64 at all!"]) {
      expect(checkPastedSetting("sendgrid", value)).toMatchObject({ ok: false, fieldErrors: { publicKey: [expect.any(String)] } });
    }
  });

  it("takes a Resend secret only as whsec_ and base64, and a Mailgun key without spaces", () => {
    expect(checkPastedSetting("resend", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toMatchObject({ ok: true });
    for (const value of ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_", "whsec_not base64 at all"]) {
      expect(checkPastedSetting("resend", value), value).toMatchObject({ ok: false, fieldErrors: { signingSecret: [expect.any(String)] } });
    }
    expect(checkPastedSetting("mailgun", "key-0123456789abcdef0123456789abcdef")).toMatchObject({ ok: true });
    expect(checkPastedSetting("mailgun", "short")).toMatchObject({ ok: false, fieldErrors: { signingKey: [expect.any(String)] } });
    expect(checkPastedSetting("mailgun", "with a space in the middle")).toMatchObject({ ok: false });
  });
});

describe("saving", () => {
  it("keeps a saved secret when the form leaves it blank, and requires one when none is saved", async () => {
    expect(await savePastedSetting("mailgun", "", "admin")).toMatchObject({ ok: false, fieldErrors: { signingKey: [expect.any(String)] } });
    expect(await savePastedSetting("mailgun", " key-0123456789abcdef0123456789abcdef ", "admin")).toEqual({ ok: true, value: null });
    expect(await savePastedSetting("mailgun", "", "admin")).toEqual({ ok: true, value: null });
    expect(await loadEndpointSettings("mailgun")).toEqual({ signingKey: "key-0123456789abcdef0123456789abcdef" });
  });

  it("never keeps a blank topic ARN: it is not a secret, so the form shows it", async () => {
    await savePastedSetting("ses", "arn:aws:sns:us-east-1:123456789012:ses-events", "admin");
    expect(await savePastedSetting("ses", "", "admin")).toMatchObject({ ok: false });
    expect((await listEndpoints()).find((e) => e.provider === "ses")?.config).toEqual({ topicArn: "arn:aws:sns:us-east-1:123456789012:ses-events" });
  });

  it("makes Postmark credentials that are in the URL once, and replaced by the next ones", async () => {
    const first = await generatePostmarkCredentials("admin");
    const url = new URL(first.url);
    expect(`${url.origin}${url.pathname}`).toBe(webhookUrl("postmark"));
    expect(url.username).toBe(first.username);
    expect(await loadEndpointSettings("postmark")).toEqual({ username: first.username, password: url.password });
    expect(url.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // What the console lists has the username only.
    expect((await listEndpoints()).find((e) => e.provider === "postmark")?.config).toEqual({ username: first.username });

    const second = await generatePostmarkCredentials("admin");
    expect(new URL(second.url).password).not.toBe(url.password);
    expect((await loadEndpointSettings("postmark"))?.password).toBe(new URL(second.url).password);
  });
});
