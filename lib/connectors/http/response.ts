import { randomUUID } from "node:crypto";
import { clipDetail, statusError } from "../provider-fetch";
import { ConnectorError } from "../types";
import type { EndpointResponse } from "./post";

const PROVIDER = "The endpoint";

/** The receiver's own id for the message, else the idempotency key, else a fresh UUID. */
export function acceptedMessageId(response: EndpointResponse, idempotencyKey: string | undefined): string {
  const body = parseJson(response.text);
  for (const key of ["id", "messageId"]) {
    const value = body?.[key];
    if ((typeof value === "string" && value.trim()) || typeof value === "number") return clipDetail(String(value), 200);
  }
  return idempotencyKey || randomUUID();
}

/**
 * A non-2xx answer → ConnectorError. The receiver may say more in
 * `{ "error": { "code", "message" } }`; `rejected_recipient` there (with a
 * 4xx other than 408/429) means "this address will never work, do not retry".
 */
export function responseError(response: EndpointResponse): ConnectorError {
  const { status, headers } = response;
  const error = parseJson(response.text)?.error;
  const said = isRecord(error) && typeof error.message === "string" ? error.message : response.text;
  const detail = clipDetail(said);

  if (status >= 300 && status < 400) {
    const location = headers.get("location");
    return new ConnectorError(
      "invalid_config",
      `The endpoint answered with a redirect (HTTP ${status}${location ? ` to ${clipDetail(location, 200)}` : ""}). Redirects are not followed: set the final URL in the connector.`,
    );
  }
  if (status >= 400 && status < 500 && status !== 408 && status !== 429 && isRecord(error) && error.code === "rejected_recipient") {
    return new ConnectorError("rejected_recipient", `The endpoint rejected the recipient (HTTP ${status})${detail ? `: ${detail}` : ""}`);
  }
  if (status === 404 || status === 405) {
    return new ConnectorError(
      "invalid_config",
      `The endpoint was not found or does not accept POST (HTTP ${status}); check the URL${detail ? `. It said: ${detail}` : "."}`,
    );
  }
  if (status < 200 || status >= 600) {
    return new ConnectorError("provider_error", `The endpoint answered with an unexpected HTTP status ${status}.`);
  }
  const mapped = statusError(PROVIDER, status, detail, headers);
  if (mapped.code !== "auth_failed") return mapped;
  return new ConnectorError("auth_failed", `${mapped.message}. Check the Authorization header and that the endpoint uses the same signing secret.`);
}

function parseJson(text: string): Record<string, unknown> | undefined {
  if (!text.trim().startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
