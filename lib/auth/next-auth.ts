import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { NextRequest } from "next/server";
import { env, secureCookies } from "@/lib/env";
import { sameOriginRedirect } from "@/lib/security/safe-redirect";
import { forNextAuth } from "./next-auth-request";
import { keepSessionCookie, redeemSessionTicket, SESSION_MAX_AGE_SECONDS } from "./session";

/**
 * next-auth carries the session cookie; the Session table decides whether
 * it is still valid. Every first factor ends in a one-time ticket that the
 * "ticket" credentials provider redeems, so next-auth never sees a password
 * or a code.
 */
const nextAuth = NextAuth({
  secret: env.AUTH_SECRET,
  // Our own Origin check (proxy.ts) guards state changes; APP_URL is the origin.
  trustHost: true,
  // Cookie names and flags follow APP_URL, not whatever protocol a request claims.
  useSecureCookies: secureCookies,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      id: "ticket",
      credentials: { ticket: {} },
      async authorize(credentials) {
        const redeemed = await redeemSessionTicket(String(credentials?.ticket ?? ""));
        return redeemed ? { id: redeemed.userId, sessionId: redeemed.sessionId } : null;
      },
    }),
  ],
  callbacks: {
    redirect: ({ url }) => sameOriginRedirect(url, env.APP_URL),
    async jwt({ token, user }) {
      if (user) {
        token.sid = (user as { sessionId?: string }).sessionId;
        return token;
      }
      // A revoked or expired session row ends the cookie on its next use.
      if (typeof token.sid !== "string" || !(await keepSessionCookie(token.sid))) return null;
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: typeof token.sid === "string" ? token.sid : undefined, userId: token.sub };
    },
  },
});

export const { auth, signIn, signOut } = nextAuth;

// next-auth only reads the standard Request parts (url, headers, body).
const atAppUrl = (req: NextRequest) => forNextAuth(req, env.APP_URL) as NextRequest;

export const handlers = {
  GET: (req: NextRequest) => nextAuth.handlers.GET(atAppUrl(req)),
  POST: (req: NextRequest) => nextAuth.handlers.POST(atAppUrl(req)),
};
