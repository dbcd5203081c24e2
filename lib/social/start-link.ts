import "server-only";
import { createFlow, setFlowCookie } from "@/lib/auth/flow";
import { sendFlowCode, startCodeFlow } from "@/lib/auth/flow-code";
import type { RequestContext } from "@/lib/auth/request-context";
import { parseEmail } from "@/lib/auth/validate";
import { failWith } from "@/lib/errors/failure";
import { pickLocale } from "@/lib/mail/locale";
import type { Result } from "@/lib/result";
import { getSettings } from "@/lib/settings/get-settings";
import type { CallbackEnd } from "./end-sign-in";
import { pendingData, pendingForAddress, type PendingIdentity } from "./pending-identity";
import { signUpMode } from "./sign-up-mode";

export const LINK_PAGE = "/sign-in/social/link";
export const ADDRESS_PAGE = "/sign-in/social/email";
const EXPIRED = "This sign-in has expired. Start again.";

/**
 * The provider vouches for an address that has an account: a code to that
 * address, and its page. A code refused by the limits (a second try inside
 * the cooldown) still leads to the page, which says to wait and resend; an
 * address on the suppression list, which says that no email reaches it.
 */
export async function startLinkCode(email: string, pending: PendingIdentity, ctx: RequestContext): Promise<CallbackEnd> {
  const { signInExperience: sie } = await getSettings();
  const flow = await createFlow("social-link", email, linkData(pending, signUpMode(sie) === "open", false, ctx));
  await setFlowCookie(flow.id);
  const sent = await sendFlowCode(flow, ctx, sie.otp);
  if (sent.ok) return { redirect: LINK_PAGE };
  return { redirect: `${LINK_PAGE}?unsent=${sent.code === "address_suppressed" ? "suppressed" : "1"}` };
}

/** No address the provider vouches for: the identity waits while the address page asks for one. */
export async function askForEmail(pending: PendingIdentity): Promise<CallbackEnd> {
  const flow = await createFlow("social-email", "", pendingData(pending));
  await setFlowCookie(flow.id);
  return { redirect: ADDRESS_PAGE };
}

/**
 * The address page's answer: a code to it, whether or not it has an account
 * (a link code to an account's address, a sign-up code or, while sign-up is
 * not open, the "no account" notice to another), so the page and its timing
 * say nothing about who is registered.
 */
export async function submitSocialEmail(flowId: string | undefined, rawEmail: unknown, ctx: RequestContext): Promise<Result<{ flowId: string; email: string }>> {
  const pending = await pendingForAddress(flowId);
  if (!pending) return failWith("not_found", EXPIRED);
  const email = parseEmail(rawEmail);
  if (!email.ok) return email;
  const { signInExperience: sie } = await getSettings();
  return startCodeFlow("social-link", email.value, ctx, sie.otp, linkData(pending, signUpMode(sie) === "open", true, ctx));
}

/** `asked`: the address came from the address page (the code page then links back to it). */
function linkData(pending: PendingIdentity, signUpOpen: boolean, asked: boolean, ctx: RequestContext) {
  return { ...pendingData(pending), signUpOpen, asked, locale: pickLocale(null, ctx.acceptLanguage) };
}
