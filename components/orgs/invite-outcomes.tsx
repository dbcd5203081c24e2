import type { InviteOutcome } from "@/lib/orgs/invite-members";

/** The first attempt at the email (lib/orgs/send-invitation.ts): sent; not yet, the outbox tries again; refused for good. */
const DELIVERY = {
  sent: "email sent",
  queued: "email queued, it will be tried again shortly",
  failed: "the email could not be delivered (check the address)",
} as const;

/** What happened to one address, in words (the delivery too, for the ones an email went to). */
export function describeOutcome(outcome: InviteOutcome): string {
  switch (outcome.status) {
    case "invited":
      return `Invited: ${DELIVERY[outcome.delivery]}.`;
    case "resent":
      return `Already invited, so the invitation was sent again: ${DELIVERY[outcome.delivery]}.`;
    case "already_member":
      return "Already a member.";
    case "already_invited":
      return "Already invited.";
    case "cooldown":
      return `Already invited, and it was just sent. You can send it again in ${outcome.retryAfterSeconds} seconds.`;
    case "send_limit":
      return "Already invited, and sent the most times an invitation may be. Revoke it and invite again if you need to.";
    case "pending_limit":
      return "Not invited: the organization has the most pending invitations it may have.";
    case "daily_limit":
      return "Not invited: the organization sent the most invitation emails it may send today.";
  }
}

const SENT = new Set<InviteOutcome["status"]>(["invited", "resent"]);

/** The result of one submission, address by address. */
export function InviteOutcomes({ outcomes }: { outcomes: InviteOutcome[] }) {
  const sent = outcomes.filter((o) => SENT.has(o.status)).length;
  return (
    <div className={`alert ${sent === outcomes.length ? "alert-ok" : "alert-warn"} stack`} role="status">
      <p style={{ margin: 0 }}>
        {sent === 0 ? "No invitation was sent." : `Sent ${sent} ${sent === 1 ? "invitation" : "invitations"}.`}
      </p>
      <ul className="account-list" aria-label="Invitation results">
        {outcomes.map((outcome) => (
          <li key={outcome.email}>
            <strong>{outcome.email}</strong>: {describeOutcome(outcome)}
          </li>
        ))}
      </ul>
    </div>
  );
}
