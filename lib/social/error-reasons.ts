/**
 * Why a social sign-in ended on /sign-in/social/error, with what the page
 * says. No imports: the page and the next-auth wrapper both read it.
 */
export const SOCIAL_ERRORS = {
  denied: { title: "Sign-in was cancelled", text: "You didn't allow the sign-in at the provider, so nothing changed here. You can try again, or sign in another way." },
  state: {
    title: "This sign-in could not be checked",
    text: "The answer from the provider did not match the sign-in this browser started (it was changed, used already, or started too long ago). Nothing changed. Start again.",
  },
  expired: { title: "This sign-in has expired", text: "It took too long, or it was finished in another tab. Nothing changed. Start again." },
  provider: { title: "The provider refused the sign-in", text: "The provider answered with an error. Try again in a moment, or sign in another way." },
  unreachable: { title: "The provider could not be reached", text: "We couldn't complete the sign-in with the provider. Try again in a moment, or sign in another way." },
  failed: { title: "The sign-in could not be completed", text: "Something went wrong while finishing the sign-in. Nothing changed. Try again in a moment." },
  unavailable: { title: "This sign-in is not available", text: "This way of signing in is turned off. Sign in another way." },
  "sign-up-closed": { title: "Sign-up is turned off", text: "There is no account for this sign-in, and new accounts can't be created here. Sign in with an existing account instead." },
  "invitation-only": {
    title: "Sign-up is by invitation only",
    text: "There is no account for this sign-in. Ask an admin of your organization to invite you, then create your account from the link in the invitation email.",
  },
  "linked-elsewhere": { title: "Already connected to another account", text: "This sign-in is connected to a different account. Sign in with that account instead." },
} as const;

export type SocialErrorReason = keyof typeof SOCIAL_ERRORS;

export const isSocialErrorReason = (value: unknown): value is SocialErrorReason => typeof value === "string" && Object.hasOwn(SOCIAL_ERRORS, value);

export const socialErrorPath = (reason: SocialErrorReason): string => `/sign-in/social/error?reason=${reason}`;
