import type { Metadata } from "next";
import { readFlowCookie } from "@/lib/auth/flow";
import { socialLinkPageState } from "@/lib/social/link-page-state";
import { ADDRESS_PAGE } from "@/lib/social/start-link";
import { CodeStep } from "../../../code-step";
import { resendSocialLinkAction, verifySocialLinkAction } from "../actions";

export const metadata: Metadata = { title: "Enter your code" };

const UNSENT = "We couldn't send a code just now. Wait a minute, then choose “Resend code”.";

/**
 * The code step of a pending social sign-in. Reached from the callback when
 * the provider's verified address has an account ("An account with this
 * email already exists": the provider told us the address, so saying so
 * reveals nothing new), or from the address page, whose wording stays the
 * same whether or not the typed address has an account.
 */
export default async function SocialLinkPage({ searchParams }: { searchParams: Promise<{ unsent?: string }> }) {
  const { unsent } = await searchParams;
  const state = await socialLinkPageState(await readFlowCookie());
  const warning = unsent ? UNSENT : undefined;
  const common = { kind: "social-link", verifyAction: verifySocialLinkAction, resendAction: resendSocialLinkAction, warning } as const;
  if (!state || state.asked) {
    return <CodeStep {...common} title="Check your email" startPath={ADDRESS_PAGE} lead={state ? <p>Enter the code to continue with {state.provider}.</p> : null} />;
  }
  return (
    <CodeStep
      {...common}
      title="An account with this email already exists"
      startPath="/sign-in"
      startLabel="Cancel and sign in another way"
      lead={<p>To connect {state.provider} to it, prove it&apos;s yours: enter the code we sent to its address. Nothing is connected until you do.</p>}
    />
  );
}
