import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { keepSessionCookie, redeemSessionTicket, SESSION_MAX_AGE_SECONDS } from "./session";

/**
 * next-auth carries the session cookie; the Session table decides whether
 * it is still valid. Every first factor ends in a one-time ticket that the
 * "ticket" credentials provider redeems, so next-auth never sees a password
 * or a code.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  // Our own Origin check (proxy.ts) guards state changes; APP_URL is the origin.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      id: "ticket",
      credentials: { ticket: {} },
      async authorize(credentials) {
        const redeemed = await redeemSessionTicket(String(credentials?.ticket ?? ""));
        return redeemed ? { id: redeemed.userId, email: redeemed.email, sessionId: redeemed.sessionId } : null;
      },
    }),
  ],
  callbacks: {
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
