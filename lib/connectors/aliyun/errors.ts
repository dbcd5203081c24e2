import { clipDetail, statusError } from "../provider-fetch";
import { ConnectorError, providerLead, type ConnectorErrorCode } from "../types";

/**
 * DirectMail's answers → ConnectorError. Errors are JSON
 * `{ Code, Message, RequestId }`, the Code being the useful part (the HTTP
 * status is 400 for most of them, 404 for an unknown key or sender).
 */

const PROVIDER = "Aliyun DirectMail";

export type AliyunBody = { Code?: unknown; Message?: unknown; RequestId?: unknown; EnvId?: unknown };
type Verdict = { code: ConnectorErrorCode; lead: string; hint: string };

const SENDER_HINT =
  "The From address must be a sender address created in the DirectMail console (Sender Addresses) of this region, on a verified domain, of type \"triggered\".";

/** What a DirectMail `Code` means for the operator; null when only the HTTP status can tell. */
function refine(code: string, said: string): Verdict | null {
  if (/^(InternalError|ServiceUnavailable|SignatureNonceUsed)/.test(code)) {
    return { code: "transient", lead: providerLead("transient"), hint: "The outbox tries again later." };
  }
  if (/^(InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature|InvalidSecurityToken|MissingSecurityToken|Forbidden|NoPermission|InvalidTimeStamp)/.test(code)) {
    const hint = /^InvalidAccessKeyId/.test(code)
      ? "Check the AccessKey ID: it must exist and be enabled."
      : /Signature/.test(code)
        ? "Check the AccessKey secret (paste it again)."
        : /^InvalidTimeStamp/.test(code)
          ? "The server clock is off; sync it (NTP)."
          : "Give the RAM user the dm:SingleSendMail permission (or AliyunDirectMailFullAccess).";
    return { code: "auth_failed", lead: providerLead("auth_failed"), hint };
  }
  if (/^Throttling/.test(code) || /quota/i.test(code) || /too many|frequency|rate limit/i.test(said)) {
    return { code: "rate_limited", lead: providerLead("rate_limited"), hint: "The outbox tries again later; a daily quota resets the next day." };
  }
  if (/^(InvalidToAddress|InvalidReceiver)/.test(code) || (code === "InvalidMailAddress.NotFound" && /toAddress/i.test(said))) {
    return { code: "rejected_recipient", lead: providerLead("rejected_recipient"), hint: "DirectMail will not send to this address." };
  }
  if (/^(InvalidMailAddress|InvalidAccountName|InvalidDomain|InvalidSenderAddress)/.test(code) || /domain.*not.*verif|not.*verified/i.test(said)) {
    return { code: "invalid_config", lead: "refused the sender", hint: SENDER_HINT };
  }
  if (code === "InvalidSendMail.Spam") {
    return {
      code: "invalid_config",
      lead: "refused to send for this account",
      hint: "Check the account in the DirectMail console: sender status, daily quota, sending frequency, and that the domain is still verified.",
    };
  }
  if (/^(InvalidTag|InvalidReplyAddress|InvalidFromAlias|InvalidRegionId|InvalidAction|InvalidVersion)/.test(code)) {
    return { code: "invalid_config", lead: providerLead("invalid_config"), hint: "Check the email tag, the console's reply-to address, the region and the endpoint URL." };
  }
  return null;
}

/** DirectMail's `{ Code, Message, RequestId }` (any status, including a 200 carrying a Code) → ConnectorError. */
export function toAliyunError(status: number, raw: string, headers: Headers): ConnectorError {
  const body = parseJson(raw);
  const code = typeof body?.Code === "string" ? body.Code : "";
  const said = clipDetail(typeof body?.Message === "string" ? body.Message : raw);
  if (status === 404 && !code) {
    return new ConnectorError("invalid_config", `${PROVIDER} has no API at this address (HTTP 404). Check the region and the endpoint URL.`);
  }
  // The status alone: 401/403 credentials, 429 rate, 5xx temporary, anything else refused.
  const byStatus = statusError(PROVIDER, status >= 200 && status < 300 ? 400 : status, "", headers);
  const refined = refine(code, said);
  // A 5xx is temporary whatever the code says (throttling included: both are retried).
  const verdict: Verdict =
    refined && !(status >= 500 && refined.code !== "rate_limited")
      ? refined
      : { code: byStatus.code, lead: providerLead(byStatus.code), hint: "" };
  const tag = [`HTTP ${status}`, code, typeof body?.RequestId === "string" ? `RequestId ${body.RequestId}` : ""].filter(Boolean).join(", ");
  const detail = said ? `: ${said.replace(/[.\s]+$/, "")}.` : ".";
  return new ConnectorError(verdict.code, `${PROVIDER} ${verdict.lead} (${tag})${detail}${verdict.hint ? ` ${verdict.hint}` : ""}`, {
    retryAfterSeconds: byStatus.retryAfterSeconds,
  });
}

export function parseJson(text: string): AliyunBody | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as AliyunBody) : null;
  } catch {
    return null;
  }
}
