import "server-only";
import { db } from "@/lib/db";
import { createVerifiedAccount } from "@/lib/auth/create-verified-account";
import type { RequestContext } from "@/lib/auth/request-context";
import { createSession } from "@/lib/auth/session";
import { pickLocale } from "@/lib/mail/locale";
import { endSignIn, type CallbackEnd } from "./end-sign-in";
import { socialErrorPath } from "./error-reasons";
import { linkIdentity } from "./link-identity";
import { nameOf } from "./pending-identity";
import type { SocialProfile } from "./types";

class LinkRefused extends Error {}

/**
 * A new identity whose address the provider vouches for and no account has:
 * the account (no password), its link and a session, in one transaction.
 * An account made for the address meanwhile, or the identity linked
 * meanwhile, leaves nothing behind and says to start again.
 */
export async function signUpWithProfile(profile: SocialProfile, ctx: RequestContext): Promise<CallbackEnd> {
  const account = { email: String(profile.email), name: nameOf(profile), passwordHash: null, locale: pickLocale(null, ctx.acceptLanguage) };
  try {
    const session = await db.$transaction(async (tx) => {
      const userId = await createVerifiedAccount(tx, account, ctx);
      if (!(await linkIdentity(userId, profile, ctx, tx)).ok) throw new LinkRefused();
      return createSession(userId, ctx, tx);
    });
    return endSignIn({ session });
  } catch (error) {
    if (error instanceof LinkRefused || (error as { code?: string }).code === "P2002") return { redirect: socialErrorPath("expired") };
    throw error;
  }
}
