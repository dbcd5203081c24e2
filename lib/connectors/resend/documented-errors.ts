import type { DocumentedError } from "../test-helpers";

/**
 * Resend API error answers, from its Errors page (resend.com/docs/api-reference/errors): every error is
 * `{ statusCode, name, message }`, with the status and message the page gives for each name. Rate
 * limits from the Rate Limit page (resend.com/docs/api-reference/rate-limit): 429 with
 * `ratelimit-limit`, `ratelimit-remaining`, `ratelimit-reset` (seconds) and `retry-after` (seconds).
 */
const ERRORS = "Resend API Errors page";
const RATE_LIMIT = "Resend API Rate Limit page";

const re = (statusCode: number, name: string, message: string, headers?: Record<string, string>) => ({
  status: statusCode,
  ...(headers ? { headers } : {}),
  body: { statusCode, name, message },
});

export const resendDocumentedErrors: DocumentedError[] = [
  { name: "400 validation_error: API key is invalid", source: ERRORS, reply: re(400, "validation_error", "API key is invalid"), expected: { code: "auth_failed", says: /API key/ } },
  { name: "401 validation_error: API key is invalid", source: ERRORS, reply: re(401, "validation_error", "API key is invalid"), expected: { code: "auth_failed" } },
  { name: "401 missing_api_key", source: ERRORS, reply: re(401, "missing_api_key", "Missing API key in the authorization header."), expected: { code: "auth_failed" } },
  { name: "401 restricted_api_key", source: ERRORS, reply: re(401, "restricted_api_key", "This API key is restricted to only send emails."), expected: { code: "auth_failed" } },
  { name: "403 invalid_api_key", source: ERRORS, reply: re(403, "invalid_api_key", "API key is invalid."), expected: { code: "auth_failed" } },
  {
    name: "403 validation_error: testing emails only",
    source: ERRORS,
    reply: re(403, "validation_error", "You can only send testing emails to your own email address (owner@example.com). To send emails to other recipients, please verify a domain at resend.com/domains, and change the `from` address to an email using this domain."),
    expected: { code: "invalid_config", says: /Verify the sending domain/ },
  },
  {
    name: "400 validation_error: a field",
    source: ERRORS,
    reply: re(400, "validation_error", "We found an error with one or more fields in the request."),
    expected: { code: "invalid_config" },
  },
  {
    name: "422 invalid_from_address",
    source: ERRORS,
    reply: re(422, "invalid_from_address", "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format."),
    expected: { code: "invalid_config", says: /sender/ },
  },
  { name: "422 missing_required_field", source: ERRORS, reply: re(422, "missing_required_field", "The request body is missing one or more required fields."), expected: { code: "invalid_config" } },
  { name: "409 concurrent_idempotent_requests", source: ERRORS, reply: re(409, "concurrent_idempotent_requests", "Same idempotency key used while original request is still in progress."), expected: { code: "transient" } },
  {
    name: "429 rate_limit_exceeded with retry-after and ratelimit-reset",
    source: RATE_LIMIT,
    reply: re(429, "rate_limit_exceeded", "Too many requests. You can only make 2 requests per second. See rate limit response headers for more information. Or contact support to increase rate limit.", {
      "ratelimit-limit": "2",
      "ratelimit-remaining": "0",
      "ratelimit-reset": "1",
      "retry-after": "1",
    }),
    expected: { code: "rate_limited", retryAfterSeconds: [1, 1] },
  },
  { name: "429 daily_quota_exceeded", source: ERRORS, reply: re(429, "daily_quota_exceeded", "You have reached your daily email sending quota."), expected: { code: "rate_limited" } },
  { name: "500 application_error", source: ERRORS, reply: re(500, "application_error", "An unexpected error occurred."), expected: { code: "transient" } },
];
