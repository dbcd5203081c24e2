import type { DocumentedError } from "../test-helpers";

/**
 * Amazon SES v2 SendEmail error answers:
 * - SEND_EMAIL: the "Errors" section of SendEmail in the SES API v2 Reference
 *   (docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html): AccountSuspendedException,
 *   BadRequestException, LimitExceededException, MailFromDomainNotVerifiedException, MessageRejected,
 *   NotFoundException, SendingPausedException (400, NotFound 404) and TooManyRequestsException (429).
 * - COMMON: the API v2 Reference's "Common Errors" (AccessDeniedException, IncompleteSignature,
 *   InternalFailure, ServiceUnavailable, ThrottlingException, UnrecognizedClientException…).
 * - The wire shape is AWS REST-JSON's: the error name in `x-amzn-ErrorType` (before a `:`), the text
 *   in the body's `message`. The MessageRejected text is the one the SES Developer Guide quotes for an
 *   unverified identity ("Email address is not verified. The following identities failed the check…").
 */
const SEND_EMAIL = "SES API v2 Reference, SendEmail errors";
const COMMON = "SES API v2 Reference, Common Errors";

const aws = (status: number, type: string, message: string) => ({
  status,
  headers: { "x-amzn-ErrorType": `${type}:http://internal.amazon.com/coral/com.amazonaws.sesv2/`, "x-amzn-RequestId": "5c1e-request" },
  body: { message },
});

export const sesDocumentedErrors: DocumentedError[] = [
  {
    name: "MessageRejected: the sender is not verified",
    source: SEND_EMAIL,
    reply: aws(400, "MessageRejected", "Email address is not verified. The following identities failed the check in region EU-WEST-1: no-reply@example.com"),
    expected: { code: "invalid_config", says: /does not know the sender/ },
  },
  {
    name: "MessageRejected: a sandbox account and an unverified recipient",
    source: SEND_EMAIL,
    reply: aws(400, "MessageRejected", "Email address is not verified. The following identities failed the check in region EU-WEST-1: ada@example.com"),
    expected: { code: "invalid_config", says: /sandbox/ },
  },
  { name: "MailFromDomainNotVerifiedException", source: SEND_EMAIL, reply: aws(400, "MailFromDomainNotVerifiedException", "The MAIL FROM domain is not verified."), expected: { code: "invalid_config" } },
  { name: "NotFoundException", source: SEND_EMAIL, reply: aws(404, "NotFoundException", "Configuration set <events> does not exist."), expected: { code: "invalid_config" } },
  { name: "AccountSuspendedException", source: SEND_EMAIL, reply: aws(400, "AccountSuspendedException", "Your account has been suspended."), expected: { code: "provider_error" } },
  { name: "SendingPausedException", source: SEND_EMAIL, reply: aws(400, "SendingPausedException", "Sending is paused for this account."), expected: { code: "provider_error" } },
  { name: "BadRequestException", source: SEND_EMAIL, reply: aws(400, "BadRequestException", "The input you provided is invalid."), expected: { code: "provider_error" } },
  { name: "LimitExceededException", source: SEND_EMAIL, reply: aws(400, "LimitExceededException", "Maximum sending rate exceeded."), expected: { code: "rate_limited" } },
  { name: "TooManyRequestsException", source: SEND_EMAIL, reply: aws(429, "TooManyRequestsException", "Too many requests have been made to the operation."), expected: { code: "rate_limited" } },
  { name: "UnrecognizedClientException", source: COMMON, reply: aws(403, "UnrecognizedClientException", "The security token included in the request is invalid."), expected: { code: "auth_failed" } },
  { name: "AccessDeniedException", source: COMMON, reply: aws(403, "AccessDeniedException", "User is not authorized to perform ses:SendEmail."), expected: { code: "auth_failed", says: /ses:SendEmail/ } },
  { name: "InternalFailure", source: COMMON, reply: aws(500, "InternalFailure", "The request processing has failed because of an unknown error."), expected: { code: "transient" } },
  { name: "ServiceUnavailable", source: COMMON, reply: aws(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."), expected: { code: "transient" } },
];
