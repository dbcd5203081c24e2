import type { DocumentedError } from "../test-helpers";

/**
 * SendGrid v3 Mail Send error answers, as SendGrid documents them:
 * - MAIL_SEND_ERRORS: the Mail Send errors page (twilio.com/docs/sendgrid/api-reference/mail-send/errors;
 *   formerly sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html), which says every error names
 *   "the field that caused the error (e.g. “personalizations” or “personalizations.to”)" and links to
 *   its row (`help`, `…errors.html#message.personalizations.to`).
 * - OPENAPI: the per-status examples of POST /v3/mail/send in SendGrid's OpenAPI description
 *   (github.com/twilio/sendgrid-oai, spec/json/tsg_mail_v3.json), `field` being the string "null".
 * - RATE_LIMITS: the v3 API's Rate Limits page (twilio.com/docs/sendgrid/api-reference/
 *   how-to-use-the-sendgrid-v3-api/rate-limits): 429 with X-RateLimit-Limit/Remaining/Reset, Reset a
 *   Unix timestamp in seconds, no Retry-After. (The page's example body has a trailing comma; valid JSON here.)
 */
const MAIL_SEND_ERRORS = "SendGrid Mail Send errors page";
const OPENAPI = "SendGrid OpenAPI, POST /v3/mail/send responses";
const RATE_LIMITS = "SendGrid v3 Rate Limits page";

const HELP = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html";

export const sendgridDocumentedErrors: DocumentedError[] = [
  {
    name: "400, field personalizations.to: the recipient is not a valid address",
    source: MAIL_SEND_ERRORS,
    reply: {
      status: 400,
      body: {
        errors: [
          {
            message: 'Each to object must at least have an email address and may also contain a name. e.g. {"email": "example@example.com"} or {"email": "example@example.com", "name": "Example Recipient"}',
            field: "personalizations.to",
            help: `${HELP}#message.personalizations.to`,
          },
        ],
      },
    },
    expected: { code: "rejected_recipient", says: /SendGrid refused the recipient/ },
  },
  {
    name: "403, field from: not a verified Sender Identity",
    source: MAIL_SEND_ERRORS,
    reply: {
      status: 403,
      body: {
        errors: [
          {
            message: "The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements",
            field: "from",
            help: null,
          },
        ],
      },
    },
    expected: { code: "invalid_config", says: /verified Sender Identity/ },
  },
  {
    name: "429 with X-RateLimit-Reset (a timestamp) and no Retry-After",
    source: RATE_LIMITS,
    reply: () => ({
      status: 429,
      headers: { "X-RateLimit-Limit": "150", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": String(Math.floor(Date.now() / 1000) + 90) },
      body: { errors: [{ field: null, message: "too many requests" }] },
    }),
    expected: { code: "rate_limited", retryAfterSeconds: [88, 91] },
  },
  { name: "400 invalid request", source: OPENAPI, reply: { status: 400, body: { errors: [{ message: "invalid request", field: "null" }] } }, expected: { code: "provider_error" } },
  { name: "401 authorization required", source: OPENAPI, reply: { status: 401, body: { errors: [{ message: "authorization required", field: "null" }] } }, expected: { code: "auth_failed" } },
  { name: "403 access forbidden", source: OPENAPI, reply: { status: 403, body: { errors: [{ message: "access forbidden", field: "null" }] } }, expected: { code: "auth_failed" } },
  { name: "404 not found", source: OPENAPI, reply: { status: 404, body: { errors: [{ message: "not found", field: "null" }] } }, expected: { code: "invalid_config" } },
  { name: "413 content too large", source: OPENAPI, reply: { status: 413, body: { errors: [{ message: "content too large", field: "null" }] } }, expected: { code: "provider_error" } },
  { name: "500 internal server error", source: OPENAPI, reply: { status: 500, body: { errors: [{ message: "internal server error" }] } }, expected: { code: "transient" } },
];
