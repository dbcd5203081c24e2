import { createHmac, randomUUID } from "node:crypto";
import { checkExtraHeaders, checkRecipient, checkReplyTo, checkSender, sanitizeHeaderText } from "../address";
import { encodeWords } from "../encoded-words";
import { joinUrl, providerFetch, readDetail, redact } from "../provider-fetch";
import { ConnectorError, defineConnector, type OutboundMessage } from "../types";
import { parseJson, toAliyunError } from "./errors";
import { ALIYUN_ENDPOINTS, aliyunConfigSchema, aliyunFields, type AliyunConfig } from "./schema";

const PROVIDER = "Aliyun DirectMail";

/** DirectMail's documented limits: longer values are refused with InvalidFromAlias / InvalidSubject. */
export const FROM_ALIAS_MAX = 15;
export const SUBJECT_MAX = 100;
/** Headers DirectMail lets a caller set; any other must be named `X-User-…`, at most 10 in all. */
const STANDARD_HEADERS = ["Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post"];
const MAX_HEADERS = 10;

/**
 * The SingleSendMail parameters for one message (without the common and
 * signature parameters), refusing what could add recipients or headers: the
 * only recipient is `message.to`, names and the subject lose their line
 * breaks, extra headers are checked like SMTP's.
 */
export function toAliyunParams(message: OutboundMessage, config: Pick<AliyunConfig, "tagName" | "useConsoleReplyTo">): Record<string, string> {
  const to = checkRecipient(message.to);
  const from = checkSender(message.from);
  const replyTo = checkReplyTo(message.replyTo);
  const alias = from.name ? shorten(from.name, FROM_ALIAS_MAX) : "";
  const headers = toUserHeaders(checkExtraHeaders(message.headers));
  return {
    Action: "SingleSendMail",
    // DirectMail stores sender addresses in lower case.
    AccountName: from.address.toLowerCase(),
    AddressType: "1",
    // The message's own reply-to wins over the one configured in the console.
    ReplyToAddress: config.useConsoleReplyTo && !replyTo ? "true" : "false",
    ToAddress: to,
    Subject: clip(sanitizeHeaderText(message.subject), SUBJECT_MAX),
    ...(alias ? { FromAlias: alias } : {}),
    ...(message.html ? { HtmlBody: message.html } : {}),
    ...(message.text ? { TextBody: message.text } : {}),
    ...(replyTo ? { ReplyAddress: replyTo } : {}),
    ...(config.tagName ? { TagName: config.tagName } : {}),
    ...(headers ? { Headers: headers } : {}),
  };
}

/** RFC 3986: everything but `A-Z a-z 0-9 - _ . ~` is %XX (so a space is %20, `*` is %2A, `~` stays). */
function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Adds the common parameters and the RPC signature (HMAC-SHA1, version 1.0):
 * base64(HMAC-SHA1(secret + "&", "POST&%2F&" + encode(sorted, encoded query))).
 * Returns the form body, encoded exactly as it was signed.
 */
export function signedForm(params: Record<string, string>, config: AliyunConfig, now = new Date(), nonce: string = randomUUID()): string {
  const all: Record<string, string> = {
    ...params,
    Format: "JSON",
    Version: "2015-11-23",
    AccessKeyId: config.accessKeyId,
    RegionId: config.region ?? "cn-hangzhou",
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: nonce,
    Timestamp: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
  const query = Object.keys(all)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(all[key]!)}`)
    .join("&");
  const stringToSign = `POST&${percentEncode("/")}&${percentEncode(query)}`;
  const signature = createHmac("sha1", `${config.accessKeySecret}&`).update(stringToSign, "utf8").digest("base64");
  return `${query}&Signature=${percentEncode(signature)}`;
}

export default defineConnector({
  id: "aliyun",
  label: "Aliyun DirectMail",
  description: "Sends through Alibaba Cloud DirectMail (SingleSendMail API), signed with the AccessKey of a RAM user.",
  configSchema: aliyunConfigSchema,
  fields: aliyunFields,
  async send(config, message, options) {
    const body = signedForm(toAliyunParams(message, config), config);
    const response = await providerFetch(
      PROVIDER,
      joinUrl(config.baseUrl ?? ALIYUN_ENDPOINTS[config.region ?? "cn-hangzhou"], "/"),
      { method: "POST", headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" }, body },
      config,
      options?.keepAlive,
    );
    const raw = redact(await readDetail(response), [config.accessKeySecret]);
    const parsed = parseJson(raw);
    if (!response.ok || typeof parsed?.Code === "string") throw toAliyunError(response.status, raw, response.headers);
    const id = [parsed?.EnvId, parsed?.RequestId].find((v): v is string => typeof v === "string" && v.trim() !== "");
    // Accepted either way; a missing id must not become an error (the outbox would send it again).
    return { messageId: id?.trim() ?? `unknown-${randomUUID()}` };
  },
});

/**
 * DirectMail's `Headers` parameter: Message-ID and List-Unsubscribe(-Post)
 * as they are, every other header renamed `X-User-…` (the only custom names
 * it accepts), non-ASCII values as RFC 2047 words. Undefined when there are none.
 */
function toUserHeaders(headers: Record<string, string>): string | undefined {
  const entries = Object.entries(headers);
  if (entries.length === 0) return undefined;
  if (entries.length > MAX_HEADERS) {
    throw new ConnectorError("provider_error", `Refused to send: DirectMail accepts at most ${MAX_HEADERS} extra headers (got ${entries.length}).`);
  }
  const out: Record<string, string> = {};
  for (const [name, value] of entries) {
    const standard = STANDARD_HEADERS.find((h) => h.toLowerCase() === name.toLowerCase());
    const custom = /^x-user-/i.test(name) ? name : `X-User-${name.replace(/^x-/i, "")}`;
    out[standard ?? custom] = /[^\x20-\x7e]/.test(value) ? encodeWords(value) : value;
  }
  return JSON.stringify(out);
}

/** At most `max` characters, cut at a word boundary when there is one. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : cut).trim();
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
