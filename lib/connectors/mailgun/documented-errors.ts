import type { DocumentedError } from "../test-helpers";

/**
 * Mailgun Messages API error answers:
 * - RESPONSE_CODES: Mailgun's "API Response Codes" page (documentation.mailgun.com/docs/mailgun/
 *   quickstart-guide/responses): a 400 "will typically contain a JSON response with a `message` key",
 *   403 is an auth error, 404 a resource not found, 429 a rate limit, 500 an internal error.
 * - VALIDATION: the `message` texts Mailgun gives for an invalid `to` or `from` parameter, quoted, as
 *   django-anymail's Mailgun tests replay them (github.com/anymail/django-anymail,
 *   tests/test_mailgun_backend.py, INVALID_TO_RESPONSE) and as Mailgun answers them.
 */
const RESPONSE_CODES = "Mailgun API Response Codes page";
const VALIDATION = "Mailgun 400 `message` for an invalid parameter (django-anymail's Mailgun tests)";

export const mailgunDocumentedErrors: DocumentedError[] = [
  {
    name: "400 'to' parameter is not a valid address",
    source: VALIDATION,
    reply: { status: 400, body: { message: "'to' parameter is not a valid address. please check documentation" } },
    expected: { code: "rejected_recipient", says: /Mailgun refused the recipient/ },
  },
  {
    name: "400 'from' parameter is not a valid address",
    source: VALIDATION,
    reply: { status: 400, body: { message: "'from' parameter is not a valid address. please check documentation" } },
    expected: { code: "invalid_config", says: /Check the From address/ },
  },
  {
    name: "400 'to' parameter is missing (our request, not the address)",
    source: VALIDATION,
    reply: { status: 400, body: { message: "'to' parameter is missing" } },
    expected: { code: "provider_error" },
  },
  { name: "403 auth error", source: RESPONSE_CODES, reply: { status: 403, body: "Forbidden" }, expected: { code: "auth_failed" } },
  {
    name: "404 domain not found",
    source: RESPONSE_CODES,
    reply: { status: 404, body: { message: "Domain not found: mg.example.com" } },
    expected: { code: "invalid_config", says: /region/ },
  },
  { name: "429 rate limit", source: RESPONSE_CODES, reply: { status: 429, body: { message: "Too many requests" } }, expected: { code: "rate_limited" } },
  { name: "500 internal error", source: RESPONSE_CODES, reply: { status: 500, body: { message: "Internal Server Error" } }, expected: { code: "transient" } },
];
