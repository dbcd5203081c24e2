import Link from "next/link";
import { invitationGone } from "@/lib/orgs/invitation-gone";
import type { InvitationPreview } from "@/lib/orgs/find-invitation-by-token";
import { ROLE_LABELS } from "@/lib/orgs/permissions";

const HOUR_MS = 60 * 60 * 1000;

/** "in 6 days" / "in 5 hours" / "within the hour": a server render happens once per request, so reading the clock is fine. */
function timeLeft(expiresAt: Date): string {
  const hours = Math.floor((expiresAt.getTime() - Date.now()) / HOUR_MS);
  if (hours >= 48) return `in ${Math.round(hours / 24)} days`;
  if (hours >= 1) return `in ${hours} ${hours === 1 ? "hour" : "hours"}`;
  return "within the hour";
}

/** Who invited whom to what: what the invitation email said, for the page the link opens. */
export function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const { organization, inviter, role, maskedEmail, expiresAt } = invitation;
  return (
    <div className="stack">
      <div className="invite-heading">
        {/* eslint-disable-next-line @next/next/no-img-element -- the organization's own URL, any host; no Referer, the page's URL holds the token */}
        {organization.logoUrl ? <img src={organization.logoUrl} alt="" referrerPolicy="no-referrer" /> : null}
        <h1>Join {organization.name}</h1>
      </div>
      <p>
        {inviter ?? "An admin"} invited you to join <strong>{organization.name}</strong> as {role === "member" ? "a" : "an"}{" "}
        <strong>{ROLE_LABELS[role].toLowerCase()}</strong>.
      </p>
      <dl className="facts invite-facts">
        <div>
          <dt>Invited address</dt>
          <dd>{maskedEmail}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{ROLE_LABELS[role]}</dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>
            <time dateTime={expiresAt.toISOString()}>{expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC</time> ({timeLeft(expiresAt)})
          </dd>
        </div>
      </dl>
    </div>
  );
}

const CLOSED_TITLES = { expired: "This invitation has expired", revoked: "This invitation was withdrawn", accepted: "Already accepted", declined: "Invitation declined" };

/**
 * An invitation that can no longer be answered: which state, who to ask
 * (lib/orgs/invitation-gone.ts) and a way on. Its own invitee, signed in,
 * is told what they did instead.
 */
export function InvitationClosed({ invitation }: { invitation: InvitationPreview & { status: keyof typeof CLOSED_TITLES } }) {
  const { status, organization, inviter, viewer } = invitation;
  const own = viewer === "invitee";
  const text =
    own && status === "accepted"
      ? `You're a member of ${organization.name}.`
      : own && status === "declined"
        ? `You declined the invitation to ${organization.name}. Nobody was added. If you change your mind, ask ${inviter ?? "an admin of the organization"} to invite you again.`
        : invitationGone(status, organization.name, inviter).formError;
  return (
    <div className="stack">
      <h1>{CLOSED_TITLES[status]}</h1>
      <p role="status">{text}</p>
      <div className="links">
        {own && status === "accepted" ? <Link href={`/orgs/${organization.slug}`}>Open {organization.name}</Link> : null}
        {viewer === "signed_out" && status === "accepted" ? <Link href="/sign-in">Sign in</Link> : null}
        <Link href="/">Go to the home page</Link>
      </div>
    </div>
  );
}
