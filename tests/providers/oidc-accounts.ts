import { createHash } from "node:crypto";

/**
 * Who signs in at the test OpenID Connect provider, chosen by the login name
 * typed on its login page (any password is accepted):
 *
 * - `alice@x.test`            → email alice@x.test, verified
 * - `unverified:bob@x.test`   → email bob@x.test, not verified
 * - `noemail:carol`           → no email claim at all
 *
 * The subject is derived from the login name, so the same login is the same
 * person at every sign-in (and a different flavour's issuer gives the same
 * subject, like one person at two providers would not: tests that need two
 * people use two names).
 */
export type TestLogin = { login: string; email: string | null; emailVerified: boolean; name: string };

export type OidcFlavour = "oidc" | "google" | "entra";

export function parseLogin(login: string): TestLogin {
  const trimmed = login.trim();
  const [prefix, rest] = trimmed.includes(":") ? [trimmed.slice(0, trimmed.indexOf(":")), trimmed.slice(trimmed.indexOf(":") + 1)] : ["", trimmed];
  const handle = rest.includes("@") ? rest.slice(0, rest.indexOf("@")) : rest;
  const name = handle ? handle[0]!.toUpperCase() + handle.slice(1) : "Someone";
  if (prefix === "noemail") return { login: trimmed, email: null, emailVerified: false, name };
  return { login: trimmed, email: rest.toLowerCase(), emailVerified: prefix !== "unverified", name };
}

/** The stable subject of a login name (what a provider's `sub` is: opaque, never the address). */
export function subjectOf(login: string): string {
  return `sub-${createHash("sha256").update(login.trim()).digest("hex").slice(0, 20)}`;
}

/**
 * The claims each flavour's ID token carries, as the real provider documents them:
 * - plain OIDC: sub, email, email_verified, name.
 * - Google: also picture, given_name, and `hd` (the Workspace domain) for
 *   addresses outside gmail.com (https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload).
 * - Entra ID: oid, tid, preferred_username, and `email` only as an optional
 *   claim that Entra does not verify; `xms_edov` (email domain owner
 *   verified) true when the tenant owns the address's domain
 *   (https://learn.microsoft.com/en-us/entra/identity-platform/optional-claims-reference).
 *   No `email_verified`.
 */
export function claimsFor(flavour: OidcFlavour, login: string, tenantId: string): Record<string, unknown> {
  const who = parseLogin(login);
  const sub = subjectOf(login);
  const email = who.email ? { email: who.email } : {};
  if (flavour === "entra") {
    return {
      sub,
      oid: `00000000-0000-4000-8000-${sub.slice(4, 16)}`,
      tid: tenantId,
      name: who.name,
      preferred_username: who.email ?? `${who.name.toLowerCase()}@${tenantId}.onmicrosoft.test`,
      ...email,
      ...(who.email ? { xms_edov: who.emailVerified } : {}),
    };
  }
  const verified = who.email ? { email_verified: who.emailVerified } : {};
  if (flavour === "google") {
    const domain = who.email?.split("@")[1];
    return {
      sub,
      name: who.name,
      given_name: who.name,
      picture: `https://lh3.googleusercontent.test/a/${sub}`,
      ...email,
      ...verified,
      ...(domain && domain !== "gmail.com" ? { hd: domain } : {}),
    };
  }
  return { sub, name: who.name, ...email, ...verified };
}
