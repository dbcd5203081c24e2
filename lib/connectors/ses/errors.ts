import { clipDetail, PROVIDER_TIMEOUT_MS, redact } from "../provider-fetch";
import { ConnectorError, providerLead, type ConnectorErrorCode } from "../types";
import type { SesConfig } from "./schema";

/**
 * SDK failures → ConnectorError. Service errors arrive as exceptions named
 * after SES's error type (REST-JSON: the `x-amzn-ErrorType` header or
 * `__type`), with `$metadata.httpStatusCode`; network failures carry a Node
 * `code` and no status.
 */

const PROVIDER = "Amazon SES";

/** What the SDK attaches to a failure: service errors carry `$metadata`, network ones a Node `code`. */
type SdkFailure = Error & {
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
};

const AUTH_ERRORS = new Set([
  "InvalidClientTokenId", "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature",
  "IncompleteSignatureException", "UnrecognizedClientException", "MissingAuthenticationToken",
  "MissingAuthenticationTokenException", "AccessDenied", "AccessDeniedException", "ExpiredToken",
  "ExpiredTokenException", "NotAuthorized",
]);
const RATE_ERRORS = new Set(["TooManyRequestsException", "LimitExceededException", "Throttling", "ThrottlingException"]);
const TRANSIENT_ERRORS = new Set(["InternalServiceErrorException", "InternalFailure", "ServiceUnavailable", "ServiceUnavailableException"]);
const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|EPIPE|EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN|EAI_AGAIN|ECONNABORTED)$/;

/**
 * Maps an SDK failure to a ConnectorError: the SES error name and message
 * (secrets redacted, clipped) plus what to do about it.
 */
export function toSesError(error: unknown, config: SesConfig, sent?: { to: string; from: string }): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const e: SdkFailure = error instanceof Error ? error : new Error(String(error));
  const secrets = config.credentials.type === "access-key" ? [config.credentials.secretAccessKey, config.credentials.sessionToken] : [];
  const status = httpStatus(e);
  // A body the SDK could not parse (an HTML error page from a proxy) says nothing useful.
  const unreadable = e.name === "SyntaxError" && status !== undefined;
  const said = unreadable ? "" : clipDetail(redact(e.message ?? "", secrets));
  const tag = status === undefined ? e.name : unreadable ? `HTTP ${status}` : `${e.name}, HTTP ${status}`;
  const make = (code: ConnectorErrorCode, lead: string, hint = "", retryAfterSeconds?: number) =>
    new ConnectorError(code, describe(`${PROVIDER} (${config.region}) ${lead} (${tag})`, said, hint), { cause: error, retryAfterSeconds });

  if (e.name === "CredentialsProviderError") {
    const defaultChain = config.credentials.type === "default-chain";
    return make(
      "auth_failed",
      defaultChain ? "found no AWS credentials in the default chain" : "could not load the AWS credentials",
      defaultChain
        ? "The chain looks at the environment, shared config files, SSO, and the container or instance role. Attach an IAM role allowed to call ses:SendEmail to the machine, task or function, or use an access key."
        : "",
    );
  }
  if (status === undefined) {
    const network = networkFailure(e, config, said);
    if (network) return new ConnectorError(network.code, network.text, { cause: error });
  }
  if (AUTH_ERRORS.has(e.name) || status === 401 || status === 403) {
    const hint = /AccessDenied|NotAuthorized/.test(e.name)
      ? "The IAM identity needs ses:SendEmail on the sending identity (and configuration set) in this region."
      : /Expired/.test(e.name)
        ? "The temporary credentials expired: use a long-lived key or the default chain."
        : "Check the access key ID and secret (or the role), and that the server clock is right.";
    return make("auth_failed", providerLead("auth_failed"), hint);
  }
  if (RATE_ERRORS.has(e.name) || status === 429) {
    const hint = /daily|quota/i.test(said) ? "The 24-hour sending quota is used up; ask for a higher quota in the SES console." : "The outbox tries again later.";
    return make("rate_limited", providerLead("rate_limited"), hint, retryAfter(e));
  }
  const refined = refine(e.name, said, config, sent);
  if (refined) return make(refined.code, refined.lead, refined.hint);
  if (TRANSIENT_ERRORS.has(e.name) || (status !== undefined && status >= 500) || status === 408) {
    return make("transient", providerLead("transient"));
  }
  return make("provider_error", providerLead("provider_error"));
}

/** `lead: said. hint` with exactly one period between the provider's words and ours. */
function describe(lead: string, said: string, hint: string): string {
  const words = said ? `: ${said.replace(/[.\s]+$/, "")}.` : ".";
  return hint ? `${lead}${words} ${hint}` : `${lead}${words}`;
}

const SANDBOX_HINT =
  "The account is in the SES sandbox in this region: it only delivers to verified addresses. Request production access (SES → Account dashboard), or verify this recipient for a test.";
const IDENTITY_HINT =
  "Verify the sender's domain (or address) under SES → Identities in this region; identities are per region.";

function refine(name: string, said: string, config: SesConfig, sent?: { to: string; from: string }) {
  switch (name) {
    case "MessageRejected": {
      if (!/not verified/i.test(said)) return { code: "provider_error" as const, lead: "rejected the message", hint: "" };
      const failed = (/failed the check in region [^:]*:(.*)$/i.exec(said)?.[1] ?? "").split(",").map((s) => s.trim().toLowerCase());
      const to = sent?.to.toLowerCase() ?? "";
      const from = sent?.from.toLowerCase() ?? "";
      const senderFailed = failed.some((id) => id !== "" && (id === from || from.endsWith(`@${id}`)));
      const recipientFailed = to !== "" && failed.includes(to) && !senderFailed;
      return {
        code: "invalid_config" as const,
        lead: recipientFailed ? "only sends to verified recipients" : "does not know the sender",
        hint: recipientFailed ? SANDBOX_HINT : senderFailed ? IDENTITY_HINT : `${IDENTITY_HINT} ${SANDBOX_HINT}`,
      };
    }
    case "MailFromDomainNotVerifiedException":
      return {
        code: "invalid_config" as const,
        lead: "refused the sender's MAIL FROM domain",
        hint: "The custom MAIL FROM domain of this identity is not verified: publish its MX and SPF records, or set the identity to fall back to amazonses.com.",
      };
    case "NotFoundException":
      return {
        code: "invalid_config" as const,
        lead: "did not find a resource",
        hint: config.configurationSetName
          ? `Check that the configuration set "${config.configurationSetName}" exists in ${config.region}.`
          : "Check the region and the endpoint URL.",
      };
    case "AccountSuspendedException":
    case "SendingPausedException":
      return {
        code: "provider_error" as const,
        lead: "does not let this account send",
        hint: "Sending is paused or suspended (bounce or complaint rates, or paused by an administrator); see SES → Account dashboard and AWS support.",
      };
  }
  if (sent?.to && said.toLowerCase().includes(sent.to.toLowerCase()) && /address|recipient/i.test(said)) {
    return { code: "rejected_recipient" as const, lead: providerLead("rejected_recipient"), hint: "" };
  }
  return null;
}

function networkFailure(e: SdkFailure, config: SesConfig, said: string): { code: ConnectorErrorCode; text: string } | null {
  const host = endpointHost(config);
  const code = e.code ?? (e.cause as { code?: string } | undefined)?.code ?? "";
  if (code === "ENOTFOUND") return { code: "invalid_config", text: `${PROVIDER}: the host ${host} was not found; check the region and the endpoint URL.` };
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return { code: "invalid_config", text: `${PROVIDER}: the TLS certificate of ${host} could not be verified (${code}).` };
  }
  // The SDK names ECONNRESET "TimeoutError" too: look at the code first.
  if (NETWORK_CODES.test(code)) return { code: "transient", text: `Could not reach ${PROVIDER} at ${host} (${code}).` };
  if (e.name === "TimeoutError" || e.name === "AbortError" || code === "ETIMEDOUT") {
    const seconds = (config.timeoutMs ?? PROVIDER_TIMEOUT_MS) / 1000;
    return { code: "transient", text: `${PROVIDER} did not answer within ${seconds} s (${host}).` };
  }
  return code ? { code: "transient", text: `Could not reach ${PROVIDER} at ${host} (${code}: ${said}).` } : null;
}

function endpointHost(config: SesConfig): string {
  if (config.baseUrl) {
    try {
      return new URL(config.baseUrl).host;
    } catch {
      return "the endpoint URL";
    }
  }
  return `email.${config.region}.amazonaws.com${config.region.startsWith("cn-") ? ".cn" : ""}`;
}

export function httpStatus(error: unknown): number | undefined {
  const e = error as SdkFailure | undefined;
  return e?.$metadata?.httpStatusCode ?? e?.$response?.statusCode;
}

function retryAfter(e: SdkFailure): number | undefined {
  const value = Number(e.$response?.headers?.["retry-after"]);
  return Number.isFinite(value) && value >= 0 ? Math.min(value, 3600) : undefined;
}
