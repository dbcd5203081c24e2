import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { invitationPath } from "@/lib/orgs/invitation-links";
import { isInvitationToken } from "@/lib/orgs/invitation-token";
import { CodeStep } from "../../../code-step";
import { resendInvitationCodeAction, verifyInvitationCodeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("verifyTitle"), referrer: "same-origin", robots: { index: false, follow: false } };
}

/** The code sent to the invited address: the right one creates the account and joins the organization. */
export default async function InvitationVerifyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!isInvitationToken(token)) notFound();
  const t = await getTranslations("invite");
  return (
    <CodeStep
      kind="invitation"
      title={t("verifyTitle")}
      startPath={invitationPath(token)}
      startLabel={t("backToInvitation")}
      masked
      verifyAction={verifyInvitationCodeAction.bind(null, token)}
      resendAction={resendInvitationCodeAction.bind(null, token)}
    />
  );
}
