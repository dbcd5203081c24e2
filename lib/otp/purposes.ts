/**
 * Why a code (or a notice) is sent. One enum for the OTP engine, the email
 * templates and the outbox, named after the template types operators know.
 */
export const PURPOSES = [
  "SignIn",
  "Register",
  "ForgotPassword",
  "Generic",
  "OrganizationInvitation",
  "UserPermissionValidation",
  "BindNewIdentifier",
  "MfaVerification",
  "BindMfa",
  // Proving the address of the account a social sign-in is about to be connected to (lib/social).
  "LinkIdentity",
] as const;

export type Purpose = (typeof PURPOSES)[number];

export const isPurpose = (value: string): value is Purpose => (PURPOSES as readonly string[]).includes(value);
