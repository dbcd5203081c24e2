import "server-only";
import { env } from "@/lib/env";

/** The invitation's page, from the root (/invite/<token>): where its email links to and where a sign-in returns to. */
export const invitationPath = (token: string) => `/invite/${token}`;

/** The invitation email's link. */
export const invitationUrl = (token: string) => `${env.APP_URL}${invitationPath(token)}`;

/** Sign in, then back to the invitation: "you already have an account" sent from the invitation's page. */
export const signInToInvitationUrl = (token: string) => `${env.APP_URL}/sign-in?next=${encodeURIComponent(invitationPath(token))}`;
