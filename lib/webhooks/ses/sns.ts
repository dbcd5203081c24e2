import https from "node:https";
import SnsPayloadValidator from "sns-payload-validator";
import { guardedLookup } from "@/lib/connectors/net/guard";
import { PROVIDER_TIMEOUT_MS } from "@/lib/connectors/provider-fetch";
import { isRecord, parseJson } from "../verify";

/**
 * Amazon SNS's side of the SES webhook: the message envelope, its signature
 * (sns-payload-validator: SignatureVersion 1 and 2, the certificate only
 * from https://sns.<region>.amazonaws.com(.cn)/SimpleNotificationService-….pem)
 * and the subscription confirmation.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
 */

export type SnsMessage = {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SubscribeURL?: string;
};

const MESSAGE_TYPES = ["Notification", "SubscriptionConfirmation", "UnsubscribeConfirmation"];

/** The envelope's fields we read, or null when the body is not an SNS message. */
export function parseSnsMessage(body: string): SnsMessage | null {
  const m = parseJson(body);
  if (!isRecord(m)) return null;
  const strings = ["Type", "MessageId", "TopicArn", "Message", "Timestamp"].every((key) => typeof m[key] === "string");
  if (!strings || !MESSAGE_TYPES.includes(m.Type as string)) return null;
  return { ...(m as SnsMessage), SubscribeURL: typeof m.SubscribeURL === "string" ? m.SubscribeURL : undefined };
}

/**
 * SNS signs `Timestamp`, the time it published the message. Its delivery
 * retries resend the original message, timestamp and all, so the window must
 * outlast them: the default HTTP/S delivery policy is done within a minute,
 * and an hour leaves room for a slower custom policy while a captured
 * message cannot be replayed later than that (the event id refuses it within).
 */
export const MAX_AGE_MS = 60 * 60_000;
/** A message from the future: SNS's clock and ours disagree by more than this, or it is forged. */
const MAX_SKEW_MS = 5 * 60_000;

export function isFresh(timestamp: string, now: Date): boolean {
  const signedAt = Date.parse(timestamp);
  if (Number.isNaN(signedAt)) return false;
  const age = now.getTime() - signedAt;
  return age <= MAX_AGE_MS && age >= -MAX_SKEW_MS;
}

/**
 * The agent every request to SNS goes through (the certificate, the
 * confirmation): the SSRF guard's lookup, so a host that resolves to a
 * private address is refused even within amazonaws.com.
 */
export function snsAgent(): https.Agent {
  return new https.Agent({
    lookup: guardedLookup({ what: "Amazon SNS", check: "the topic ARN", allowPrivateTargets: false, timeoutMs: PROVIDER_TIMEOUT_MS }),
  });
}

/** What became of the signature check: verified, refused, or not known because SNS could not be reached. */
export type SignatureCheck = "verified" | "invalid" | "unavailable";

// The validator's own refusals; anything else it rejects with is the certificate download failing.
const REFUSALS = ["Invalid Signature", "Invalid SigningCertURL", "Invalid SignatureVersion", "Invalid Type", "Payload is not a valid JSON string"];

export function createSignatureChecker(agent: https.Agent) {
  // No certificate cache: the validator would also cache what a failed download
  // answered (it does not look at the status), and refuse every message until a
  // restart. One GET to SNS per message is cheap at this app's volume.
  const validator = new SnsPayloadValidator({ useCache: false, requestAgent: agent });
  return async (body: string): Promise<SignatureCheck> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The validator's download has no deadline of its own.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), PROVIDER_TIMEOUT_MS);
    });
    try {
      await Promise.race([validator.validate(body), deadline]);
      return "verified";
    } catch (error) {
      return REFUSALS.includes((error as Error).message) ? "invalid" : "unavailable";
    } finally {
      clearTimeout(timer);
    }
  };
}

/** SNS's own hosts, the only ones a SubscribeURL may point at. */
const SNS_HOST = /^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/** A SubscribeURL we may visit: https on SNS's host, for the saved topic. */
export function isSubscribeUrl(value: string | undefined, topicArn: string): value is string {
  if (!value) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === "https:" && url.port === "" && SNS_HOST.test(url.hostname) && url.searchParams.get("TopicArn") === topicArn;
}

/** Visits a SubscribeURL (a GET confirms the subscription); true when SNS answered 2xx. */
export function confirmSubscription(url: string, agent: https.Agent): Promise<boolean> {
  return new Promise((resolve) => {
    const request = https.get(url, { agent, timeout: PROVIDER_TIMEOUT_MS }, (response) => {
      response.resume();
      resolve((response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
  });
}
