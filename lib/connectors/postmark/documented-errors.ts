import type { DocumentedError } from "../test-helpers";

/**
 * Postmark Email API error answers, from the API overview (postmarkapp.com/developer/api/overview):
 * "HTTP response codes" (401 for a missing or wrong token, 422 with an ErrorCode for everything about
 * the message, 429, 500, 503) and the "Error codes" table; the body is always `{ ErrorCode, Message }`.
 * Messages are the table's own descriptions where the API's wording is not documented.
 */
const OVERVIEW = "Postmark API overview, HTTP response codes and error codes";

const pm = (status: number, ErrorCode: number, Message: string) => ({ status, body: { ErrorCode, Message } });

export const postmarkDocumentedErrors: DocumentedError[] = [
  { name: "401 ErrorCode 10 bad or missing API token", source: OVERVIEW, reply: pm(401, 10, "Bad or missing API token"), expected: { code: "auth_failed", says: /Server API token/ } },
  {
    name: "422 ErrorCode 300 invalid email request, about the To address",
    source: OVERVIEW,
    reply: pm(422, 300, "Error parsing 'To': Illegal email address 'ada@example'. It must contain the '@' symbol."),
    expected: { code: "rejected_recipient" },
  },
  {
    name: "422 ErrorCode 300 invalid email request, about something else",
    source: OVERVIEW,
    reply: pm(422, 300, "Validation failed for the email request JSON data that you provided."),
    expected: { code: "provider_error" },
  },
  {
    name: "422 ErrorCode 406 inactive recipient",
    source: OVERVIEW,
    reply: pm(
      422,
      406,
      "You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: ada@example.com. Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.",
    ),
    expected: { code: "rejected_recipient", says: /inactive recipient/ },
  },
  { name: "422 ErrorCode 400 sender signature not found", source: OVERVIEW, reply: pm(422, 400, "Sender Signature not found"), expected: { code: "invalid_config" } },
  { name: "422 ErrorCode 401 sender signature not confirmed", source: OVERVIEW, reply: pm(422, 401, "Sender signature not confirmed"), expected: { code: "invalid_config" } },
  { name: "422 ErrorCode 405 not allowed to send", source: OVERVIEW, reply: pm(422, 405, "Not allowed to send"), expected: { code: "invalid_config" } },
  { name: "422 ErrorCode 412 account is pending", source: OVERVIEW, reply: pm(422, 412, "Account is Pending"), expected: { code: "invalid_config" } },
  { name: "422 ErrorCode 413 account may not send", source: OVERVIEW, reply: pm(422, 413, "Account May Not Send"), expected: { code: "invalid_config" } },
  { name: "422 ErrorCode 402 invalid JSON", source: OVERVIEW, reply: pm(422, 402, "Invalid JSON"), expected: { code: "provider_error" } },
  { name: "429 ErrorCode 429 rate limit exceeded", source: OVERVIEW, reply: pm(429, 429, "Rate Limit Exceeded"), expected: { code: "rate_limited" } },
  { name: "500 internal server error", source: OVERVIEW, reply: { status: 500, body: "Internal Server Error" }, expected: { code: "transient" } },
  { name: "503 ErrorCode 100 maintenance", source: OVERVIEW, reply: pm(503, 100, "Maintenance"), expected: { code: "transient" } },
];
