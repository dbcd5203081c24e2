/**
 * The one table of error codes: for each stable code, the HTTP status a JSON
 * answer carries and the default words people see. The account API, the
 * forms, the OTP messages, the connectors, the outbox and the console's
 * deliveries read it; no other module keeps a code → status or code → text
 * map (lib/errors/codes.test.ts looks for one). docs/errors.md lists it.
 *
 * No imports: client components (the error pages) and scripts/server.mjs's
 * front door read it too.
 */
type Entry = {
  /** The HTTP status of a JSON answer with this code. */
  status: number;
  /** What a user is told when the caller has nothing more specific to say. Safe to show anyone. */
  user: string;
  /** What an operator reads in the console, for codes that are an operator's to fix or to watch. */
  operator?: string;
  /** Connector codes: what the provider did, after its name ("SendGrid refused the credentials (HTTP 401)"). */
  lead?: string;
  /** Connector codes: worth another attempt later with nothing changed (the outbox retries it). */
  retry?: boolean;
};

const SEND_FAILED = "We couldn't send the email, try again in a minute.";

export const ERRORS = {
  // What a request asked for, and who asked.
  invalid_input: { status: 400, user: "Check the highlighted fields." },
  invalid_request: { status: 400, user: "The request could not be completed." },
  invalid_json: { status: 400, user: "The body must be a JSON object." },
  unauthorized: { status: 401, user: "Sign in first." },
  forbidden: { status: 403, user: "You are not allowed to do this." },
  verification_required: { status: 403, user: "Confirm it's you first." },
  not_found: { status: 404, user: "This no longer exists. Start again." },
  conflict: { status: 409, user: "This changed meanwhile. Reload the page and try again." },
  last_sign_in_method: {
    status: 409,
    user: "This is the only way left to sign in to your account. Set a password or connect another sign-in first.",
  },
  identity_linked_elsewhere: { status: 409, user: "This sign-in is already connected to another account. Sign in with that account, or disconnect it there first." },
  gone: { status: 410, user: "This link can no longer be used. Ask for a new one." },
  method_not_allowed: { status: 405, user: "This address does not take that kind of request." },
  length_required: { status: 411, user: "Send the body with a Content-Length." },
  payload_too_large: { status: 413, user: "The request is too large." },
  unsupported_media_type: { status: 415, user: "Send the body as JSON (Content-Type: application/json)." },
  locked: { status: 429, user: "Too many wrong tries. Try again later." },
  rate_limited: {
    status: 429,
    user: "Too many attempts. Try again in a few minutes.",
    operator: "The provider asked us to slow down; the outbox retries later.",
    lead: "is rate limiting",
    retry: true,
  },

  // An address on the suppression list (lib/deliverability/suppressions.ts): about the address, never an account.
  // 422 like rejected_recipient: the request was understood, but this address cannot be used until it changes.
  address_suppressed: {
    status: 422,
    user: "We can't deliver email to this address. Use another address, or contact support.",
    operator:
      "The address is on the suppression list (the provider reported a hard bounce or a spam complaint), so nothing is sent to it. " +
      "Remove it under Suppressions only if the address works again.",
  },

  // Our side.
  internal_error: { status: 500, user: "Something went wrong on our side. Try again." },
  send_failed: { status: 502, user: SEND_FAILED },
  database_unavailable: { status: 503, user: "We couldn't reach the database. Try again in a moment." },

  // A connector's failure to send (ConnectorError), as the outbox records it.
  invalid_config: {
    status: 502,
    user: SEND_FAILED,
    operator: "The connector's settings are incomplete or wrong, or the stored message could not be opened. Check Email connector.",
    lead: "refused a setting",
    retry: false,
  },
  auth_failed: {
    status: 502,
    user: SEND_FAILED,
    operator: "The provider refused the credentials. Check the API key or password in Email connector.",
    lead: "refused the credentials",
    retry: false,
  },
  rejected_recipient: {
    status: 422,
    user: "We couldn't deliver email to this address. Check it for typos, or use another address.",
    operator: "The provider refused this address (it may not exist). Retrying will not help unless the address is fixed.",
    lead: "refused the recipient",
    retry: false,
  },
  transient: {
    status: 503,
    user: SEND_FAILED,
    operator: "A temporary failure (network, timeout, server busy); the outbox retries with backoff.",
    lead: "had a temporary problem",
    retry: true,
  },
  provider_error: {
    status: 502,
    user: SEND_FAILED,
    operator: "The provider refused the message for another reason; its answer is below.",
    lead: "refused the message",
    retry: false,
  },

  // The outbox's own verdicts on a message.
  unknown_outcome: {
    status: 504,
    user: SEND_FAILED,
    operator:
      "The provider took the message but never answered (a timeout or a lost connection after the end of the message), so it may have been delivered. " +
      "The outbox hands it over once more at most, later, with the same Message-ID (so a mail client shows one email). Check the provider's logs for that Message-ID before retrying.",
  },
  superseded: {
    status: 409,
    user: "A newer code was sent. Use the code from the latest email.",
    operator: "The user asked for a new code before this one was delivered, so this one was dropped.",
  },
  expired: {
    status: 410,
    user: "This code has expired. Request a new code.",
    operator: "The code in it had expired before it could be delivered.",
  },
  withdrawn: {
    status: 410,
    user: "This invitation link can no longer be used. Ask for a new invitation.",
    operator: "An invitation email that was revoked, sent again or deleted with its organization before it left; its link no longer works.",
  },

  // Social sign-in connectors: the console's "Test configuration" (lib/social/test-config.ts).
  social_private_target: {
    status: 400,
    user: "That address is on a private network.",
    operator: "The issuer, token or API host is a private, loopback or link-local address; allow private network targets only for a provider on your own network.",
  },
  social_unreachable: {
    status: 503,
    user: "We couldn't reach the sign-in provider. Try again in a minute.",
    operator: "The provider did not answer (unknown host, refused connection, timeout). Check the issuer or base URL.",
  },
  social_discovery_failed: {
    status: 502,
    user: "The sign-in provider is not set up correctly.",
    operator: "The provider's discovery document (/.well-known/openid-configuration) could not be read or lacks an endpoint. Check the issuer URL.",
  },
  social_issuer_mismatch: {
    status: 502,
    user: "The sign-in provider is not set up correctly.",
    operator: "The discovery document names another issuer than the one configured; ID tokens would be refused. Enter the issuer exactly as the document says.",
  },
  social_credentials_refused: {
    status: 502,
    user: "The sign-in provider is not set up correctly.",
    operator: "The provider refused the client ID or secret. Copy them again from the provider's console (a secret may also have expired).",
  },

  // Provider webhooks (/api/webhooks/<provider>): requests refused before anything is recorded;
  // the provider sees the status (docs/errors.md says what each means), no operator reads these.
  webhook_not_configured: { status: 404, user: "This webhook is not set up." },
  webhook_signature_invalid: { status: 401, user: "The webhook's signature or credentials do not match." },
  webhook_timestamp_stale: { status: 401, user: "The webhook's timestamp is too far from now; a replay is refused." },
  webhook_wrong_topic: { status: 403, user: "This message is from another topic than the one set up." },
  webhook_upstream_unavailable: { status: 503, user: "We couldn't check this request right now. Try again later." },
} as const satisfies Record<string, Entry>;

/** Every stable code. A code that is not in the table is not an ErrorCode: using one is a type error. */
export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERRORS, value);
}

export const httpStatus = (code: ErrorCode): number => ERRORS[code].status;

export const userText = (code: ErrorCode): string => ERRORS[code].user;

/** An operator's explanation of a code, e.g. one read back from an outbox row (a plain string there); undefined when it has none. */
export function operatorText(code: string | null | undefined): string | undefined {
  return isErrorCode(code) ? (ERRORS[code] as Entry).operator : undefined;
}
