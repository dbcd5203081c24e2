import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { invitationPath } from "@/lib/orgs/invitation-links";
import { isInvitationToken } from "@/lib/orgs/invitation-token";
import { CodeStep } from "../../../code-step";
import { resendInvitationCodeAction, verifyInvitationCodeAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your email", referrer: "same-origin", robots: { index: false, follow: false } };

/** The code sent to the invited address: the right one creates the account and joins the organization. */
export default async function InvitationVerifyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!isInvitationToken(token)) notFound();
  return (
    <CodeStep
      kind="invitation"
      title="Confirm your email"
      startPath={invitationPath(token)}
      startLabel="Back to the invitation"
      masked
      verifyAction={verifyInvitationCodeAction.bind(null, token)}
      resendAction={resendInvitationCodeAction.bind(null, token)}
    />
  );
}
