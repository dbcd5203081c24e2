import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { readFlowCookie } from "@/lib/auth/flow";
import { socialErrorPath } from "@/lib/social/error-reasons";
import { pendingForAddress } from "@/lib/social/pending-identity";
import { socialEmailAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("socialPages"))("emailMetaTitle") };
}

/**
 * The provider gave no address it vouches for: one is asked for and proven
 * with a code before anything is created or linked. The answer is the same
 * whether or not the address has an account (the email differs, the page
 * does not).
 */
export default async function SocialEmailPage() {
  const pending = await pendingForAddress(await readFlowCookie());
  if (!pending) redirect(socialErrorPath("expired"));
  const t = await getTranslations("socialPages");
  return (
    <div className="stack">
      <div>
        <h1>{t("emailTitle")}</h1>
        <p className="muted">{t("emailLead", { provider: pending.provider })}</p>
      </div>
      <AuthForm
        autoFocus
        action={socialEmailAction}
        fields={[{ name: "email", label: t("email"), type: "email", autoComplete: "email" }]}
        submitLabel={t("emailMe")}
        pendingLabel={t("sending")}
      />
      <div className="links">
        <Link href="/sign-in">{t("cancel")}</Link>
      </div>
    </div>
  );
}
