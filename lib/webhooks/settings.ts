import "server-only";
import { createPublicKey, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { failField } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { loadEndpointSettings, saveEndpointSettings } from "./store";
import { WEBHOOK_SECRET_FIELDS, type WebhookProviderId, type WebhookSettings } from "./types";

/**
 * The console's webhook settings: what the operator pastes from each
 * provider, checked before it is saved, and the credentials we make up for
 * Postmark. The messages are English; the console's catalogue translates
 * them (consoleLib, lib/i18n/translate-text.ts).
 */

/** The URL a provider posts to, to paste at the provider. */
export const webhookUrl = (provider: WebhookProviderId): string => new URL(`/api/webhooks/${provider}`, env.APP_URL).toString();

/** The providers whose settings are pasted in (Postmark's are generated). */
export type PastedProvider = Exclude<WebhookProviderId, "postmark">;

/** The form field each pasted provider's setting comes in, which is also its key in WebhookSettings. */
export const PASTED_FIELDS = { ses: "topicArn", sendgrid: "publicKey", mailgun: "signingKey", resend: "signingSecret" } as const satisfies {
  [P in PastedProvider]: keyof WebhookSettings[P];
};

/** The provider's setting is a secret: never shown back, and kept when the form leaves it blank. */
export const isSecretSetting = (provider: PastedProvider): boolean => (WEBHOOK_SECRET_FIELDS[provider] as readonly string[]).includes(PASTED_FIELDS[provider]);

// arn:<partition>:sns:<region>:<account>:<topic>; SES publishes to standard topics only (no .fifo).
const TOPIC_ARN = /^arn:aws(-cn|-us-gov)?:sns:[a-z]{2}(-[a-z]+)+-\d:\d{12}:[A-Za-z0-9_-]{1,256}$/;
const RESEND_SECRET = /^whsec_([A-Za-z0-9+/]{16,}={0,2})$/;
const MAILGUN_KEY = /^[\x21-\x7e]{16,200}$/;

/** SendGrid's key as base64 DER (what its dashboard shows), from that or a PEM whose line breaks an input field dropped. */
function sendgridKey(value: string): string | null {
  const base64 = value.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  try {
    const key = createPublicKey({ key: Buffer.from(base64, "base64"), format: "der", type: "spki" });
    return key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1" ? base64 : null;
  } catch {
    return null;
  }
}

/** The setting as it will be saved, or why not. `value` is trimmed input; blank is only for keeping a saved secret. */
export function checkPastedSetting(provider: PastedProvider, value: string): Result<string> {
  const field = PASTED_FIELDS[provider];
  switch (provider) {
    case "ses":
      return TOPIC_ARN.test(value) ? ok(value) : failField(field, "Enter the topic's ARN, like arn:aws:sns:us-east-1:123456789012:ses-events.");
    case "sendgrid": {
      const key = sendgridKey(value);
      return key ? ok(key) : failField(field, "Paste the verification key SendGrid shows: an ECDSA P-256 public key in base64.");
    }
    case "mailgun":
      return MAILGUN_KEY.test(value) ? ok(value) : failField(field, "Paste the HTTP webhook signing key from Mailgun.");
    case "resend":
      return RESEND_SECRET.test(value) ? ok(value) : failField(field, "Paste the signing secret from Resend: it starts with whsec_.");
  }
}

/**
 * Checks and saves a pasted provider's setting. A secret left blank keeps
 * the saved one (the form never shows it back), but only when there is one.
 */
export async function savePastedSetting(provider: PastedProvider, input: string, actor: string): Promise<Result<null>> {
  const value = input.trim();
  if (value === "" && isSecretSetting(provider) && (await loadEndpointSettings(provider))) return ok(null);
  const checked = checkPastedSetting(provider, value);
  if (!checked.ok) return checked;
  await saveEndpointSettings(provider, { [PASTED_FIELDS[provider]]: checked.value } as WebhookSettings[typeof provider], actor);
  return ok(null);
}

/**
 * New Basic-auth credentials for Postmark's webhook URL (replacing any
 * saved), and that URL with them in it: the only time the password leaves
 * the server, for the operator to paste at Postmark.
 */
export async function generatePostmarkCredentials(actor: string): Promise<{ username: string; url: string }> {
  const settings = { username: `postmark-${randomBytes(4).toString("hex")}`, password: randomBytes(24).toString("base64url") };
  await saveEndpointSettings("postmark", settings, actor);
  const url = new URL(webhookUrl("postmark"));
  url.username = settings.username;
  url.password = settings.password;
  return { username: settings.username, url: url.toString() };
}
