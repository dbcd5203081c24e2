import type { SocialProfile, SocialProviderId } from "./types";

/**
 * A provider's answer after a callback as a SocialProfile, the same for
 * every provider. `profile` is what next-auth hands the signIn callback:
 * the ID token's claims (Google, Entra, OpenID Connect) or our GitHub
 * profile (github-userinfo.ts). `account.providerAccountId` is next-auth's
 * copy of the subject and wins when present.
 *
 * When an address counts as verified:
 * - OpenID Connect and Google: `email_verified` is true (Google has sent the
 *   string "true" in older tokens; both are accepted).
 * - Microsoft Entra ID: Entra never sends `email_verified`, and its `email`
 *   claim is whatever the account's mail attribute holds, which a tenant
 *   admin (of any tenant, for multi-tenant apps) can set to any address.
 *   So `email` counts as verified only when the optional claim `xms_edov`
 *   ("email domain owner verified") is true: the tenant has proved it owns
 *   the address's domain. `preferred_username` is never taken as an address.
 * - GitHub: the primary address of /user/emails, when GitHub marks it verified.
 */
export function toSocialProfile(
  connectorId: string,
  providerId: SocialProviderId,
  account: { providerAccountId?: string | null } | null | undefined,
  profile: Record<string, unknown> | null | undefined,
): SocialProfile {
  const claims = profile ?? {};
  const rawSubject = account?.providerAccountId ?? (providerId === "github" ? claims.id : claims.sub);
  const subject = typeof rawSubject === "string" || typeof rawSubject === "number" ? String(rawSubject) : "";
  if (!subject) throw new Error(`The ${providerId} profile for connector ${connectorId} has no subject.`);
  const email = text(claims.email)?.toLowerCase() ?? null;
  const verified = providerId === "github" ? claims.email_verified === true : providerId === "microsoft-entra-id" ? entraVerified(claims) : oidcVerified(claims);
  return {
    connectorId,
    subject,
    email,
    emailVerified: email !== null && verified,
    name: text(claims.name) ?? (providerId === "github" ? text(claims.login) : null) ?? null,
    image: text(providerId === "github" ? claims.avatar_url : claims.picture),
  };
}

const isTrue = (value: unknown) => value === true || value === "true" || value === 1;

/** OpenID Connect's `email_verified` (https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims). */
export const oidcVerified = (claims: Record<string, unknown>): boolean => isTrue(claims.email_verified);

/** Entra: only with `xms_edov` (see above). */
export const entraVerified = (claims: Record<string, unknown>): boolean => isTrue(claims.xms_edov);

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value.trim() : null;
}
