/**
 * Why a social sign-in ended on /sign-in/social/error, each with the key of
 * what the page says (socialPages.<key>Title and <key>Text in the
 * catalogue). No imports: the page and the next-auth wrapper both read it.
 */
export const SOCIAL_ERRORS = {
  denied: "denied",
  state: "state",
  expired: "expired",
  provider: "provider",
  unreachable: "unreachable",
  failed: "failed",
  unavailable: "unavailable",
  "sign-up-closed": "signUpClosed",
  "invitation-only": "invitationOnly",
  "linked-elsewhere": "linkedElsewhere",
} as const;

export type SocialErrorReason = keyof typeof SOCIAL_ERRORS;

export const isSocialErrorReason = (value: unknown): value is SocialErrorReason => typeof value === "string" && Object.hasOwn(SOCIAL_ERRORS, value);

export const socialErrorPath = (reason: SocialErrorReason): string => `/sign-in/social/error?reason=${reason}`;
