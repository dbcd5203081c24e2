import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { readFlowCookie } from "@/lib/auth/flow";
import { socialLinkPageState } from "@/lib/social/link-page-state";
import { ADDRESS_PAGE } from "@/lib/social/start-link";
import { CodeStep } from "../../../code-step";
import { resendSocialLinkAction, verifySocialLinkAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("socialPages"))("linkMetaTitle") };
}

/**
 * The code step of a pending social sign-in. Reached from the callback when
 * the provider's verified address has an account ("An account with this
 * email already exists": the provider told us the address, so saying so
 * reveals nothing new), or from the address page, whose wording stays the
 * same whether or not the typed address has an account.
 */
export default async function SocialLinkPage({ searchParams }: { searchParams: Promise<{ unsent?: string }> }) {
  const [{ unsent }, state, t, errors] = await Promise.all([
    searchParams, readFlowCookie().then(socialLinkPageState), getTranslations("socialPages"), getTranslations("errors"),
  ]);
  const warning = unsent === "suppressed" ? errors("address_suppressed") : unsent ? t("unsent") : undefined;
  const common = { kind: "social-link", verifyAction: verifySocialLinkAction, resendAction: resendSocialLinkAction, warning } as const;
  if (!state || state.asked) {
    return (
      <CodeStep {...common} title={t("checkEmail")} startPath={ADDRESS_PAGE} lead={state ? <p>{t("continueWith", { provider: state.provider })}</p> : null} />
    );
  }
  return (
    <CodeStep
      {...common}
      title={t("existsTitle")}
      startPath="/sign-in"
      startLabel={t("cancel")}
      lead={<p>{t("existsLead", { provider: state.provider })}</p>}
    />
  );
}
