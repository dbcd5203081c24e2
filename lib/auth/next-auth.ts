import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { NextRequest } from "next/server";
import { env, secureCookies } from "@/lib/env";
import { sameOriginRedirect } from "@/lib/security/safe-redirect";
import { socialSignInCallback } from "@/lib/social/auth-callback";
import { noteAuthError, withSocialErrors } from "@/lib/social/callback-errors";
import { loadAuthProviders } from "@/lib/social/store";
import { forNextAuth } from "./next-auth-request";
import { keepSessionCookie, redeemSessionTicket, SESSION_MAX_AGE_SECONDS } from "./session";
import { sessionClaims } from "./session-cookie";

/**
 * next-auth carries the session cookie; the Session table decides whether
 * it is still valid, and next-auth never sees a password or a code. Every
 * sign-in on our pages ends in a session row, which they turn into
 * next-auth's cookie themselves (lib/auth/finish-sign-in.ts,
 * ./session-cookie.ts). The "ticket" credentials provider redeems a
 * one-time ticket for a row through next-auth's own CSRF-checked callback
 * route instead: the e2e seeder signs its browsers in that way. A
 * social sign-in ends in our own code too (the signIn callback,
 * lib/social/auth-callback.ts): next-auth only runs the provider's protocol
 * (state, PKCE, nonce, tokens) and sets the cookie.
 */
const ticket = Credentials({
  id: "ticket",
  credentials: { ticket: {} },
  async authorize(credentials) {
    const redeemed = await redeemSessionTicket(String(credentials?.ticket ?? ""));
    return redeemed ? { id: redeemed.userId, sessionId: redeemed.sessionId } : null;
  },
});

const config: NextAuthConfig = {
  secret: env.AUTH_SECRET,
  // Our own Origin check (the front door: lib/server/front-door.ts) guards state changes; APP_URL is the origin.
  trustHost: true,
  // Cookie names and flags follow APP_URL, not whatever protocol a request claims.
  useSecureCookies: secureCookies,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [ticket],
  logger: { error: noteAuthError },
  callbacks: {
    signIn: ({ user, account, profile }) => (account?.type === "credentials" ? true : socialSignInCallback(user, account ?? null, profile)),
    redirect: ({ url }) => sameOriginRedirect(url, env.APP_URL),
    async jwt({ token, user }) {
      // Signing in (the ticket provider, a social callback): the same claims lib/auth/session-cookie.ts writes.
      if (user) {
        const sessionId = (user as { sessionId?: string }).sessionId;
        return user.id && sessionId ? { ...token, ...sessionClaims({ userId: user.id, sessionId }) } : null;
      }
      // A revoked or expired session row ends the cookie on its next use.
      if (typeof token.sid !== "string" || !(await keepSessionCookie(token.sid))) return null;
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: typeof token.sid === "string" ? token.sid : undefined, userId: token.sub };
    },
  },
};

// Reading the session (every page) needs no provider list; only the sign-in routes do.
const nextAuth = NextAuth(config);
/** The connector a next-auth route names (`/api/auth/callback/<id>`, `/api/auth/signin/<id>`), if any. */
function connectorInPath(req: NextRequest | undefined): string | null {
  if (!req) return null;
  return /^\/api\/auth\/(?:callback|signin)\/([^/]+)$/.exec(new URL(req.url).pathname)?.[1] ?? null;
}

// The enabled social connectors, read per request (the store caches them briefly): a console change applies without a restart.
const withSocial = NextAuth(async (req) => ({ ...config, providers: [ticket, ...(await loadAuthProviders(connectorInPath(req)))] }));

export const { auth, signOut } = nextAuth;

/** Starts a social sign-in: redirects (throws NEXT_REDIRECT) to the provider, which comes back to `redirectTo` in the end. */
export const signInWithProvider = (connectorId: string, redirectTo: string) => withSocial.signIn(connectorId, { redirectTo });

/** The same start for a JSON answer: the provider's authorization URL (the state, PKCE and nonce cookies are set on this response). */
export const providerAuthorizationUrl = (connectorId: string, redirectTo: string): Promise<string> =>
  withSocial.signIn(connectorId, { redirectTo, redirect: false });

// next-auth only reads the standard Request parts (url, headers, body).
const atAppUrl = (req: NextRequest) => forNextAuth(req, env.APP_URL) as NextRequest;

export const handlers = {
  GET: (req: NextRequest) => withSocialErrors(req, () => withSocial.handlers.GET(atAppUrl(req))),
  POST: (req: NextRequest) => withSocialErrors(req, () => withSocial.handlers.POST(atAppUrl(req))),
};
