import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findInvitationByToken } from "@/lib/orgs/find-invitation-by-token";
import { getSettings } from "@/lib/settings/get-settings";
import { InviteeAnswer, SignedOutChoices, WrongAccount } from "./invitation-answers";
import { InvitationClosed, InvitationSummary } from "./invitation-summary";

// The URL holds the token: never sent to another site as a Referer (same-origin: "no-referrer" would make the
// forms' Origin "null", which the app refuses), never indexed.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invite"))("metaTitle"), referrer: "same-origin", robots: { index: false, follow: false } };
}

/**
 * The page an invitation email links to. Opening it only reads (mail
 * scanners follow links): it shows the invitation and offers POST buttons
 * for whoever is looking — the invitee signed in, someone signed in with
 * another address, or someone signed out. An invitation that can no longer
 * be answered gets its clear page; an unknown token the 404 beside this file.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await getCurrentUser();
  const found = await findInvitationByToken(token, user);
  if (!found.ok) notFound();
  const invitation = found.value;
  const { status, viewer, maskedEmail } = invitation;
  if (status !== "pending") return <InvitationClosed invitation={{ ...invitation, status }} />;
  const { signInExperience: sie } = await getSettings();
  return (
    <div className="stack">
      <InvitationSummary invitation={invitation} />
      {viewer === "invitee" ? (
        <InviteeAnswer token={token} />
      ) : viewer === "other" && user ? (
        <WrongAccount token={token} maskedEmail={maskedEmail} signedInAs={user.email} />
      ) : (
        <SignedOutChoices token={token} maskedEmail={maskedEmail} minPasswordLength={sie.password.minLength} />
      )}
    </div>
  );
}
