/**
 * Social sign-in's shared shapes. A connector (SocialConnector row) is one
 * provider the operator set up in the console; its id is the next-auth
 * provider id and the last part of the callback URL.
 */
export const SOCIAL_PROVIDER_IDS = ["github", "google", "microsoft-entra-id", "oidc"] as const;
export type SocialProviderId = (typeof SOCIAL_PROVIDER_IDS)[number];
export const isSocialProviderId = (value: string): value is SocialProviderId => (SOCIAL_PROVIDER_IDS as readonly string[]).includes(value);

/** What a sign-in page needs to draw a button: never a secret. */
export type SocialButton = { id: string; providerId: SocialProviderId; name: string };

/**
 * A person as a provider described them after a callback, the same for every
 * provider. `emailVerified` is true only when the provider vouches for the
 * address (OIDC `email_verified`, GitHub's verified primary address).
 */
export type SocialProfile = {
  connectorId: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  image: string | null;
};
