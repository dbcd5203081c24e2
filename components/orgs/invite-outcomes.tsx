"use client";

import { useTranslations } from "next-intl";
import type { InviteOutcome } from "@/lib/orgs/invite-members";

/** The first attempt at the email (lib/orgs/send-invitation.ts): sent; not yet, the outbox tries again; refused for good. */
const DELIVERY = { sent: "deliverySent", queued: "deliveryQueued", failed: "deliveryFailed" } as const;

type Translate = ReturnType<typeof useTranslations<"orgClient">>;

/** What happened to one address, in words (the delivery too, for the ones an email went to). */
function describeOutcome(t: Translate, outcome: InviteOutcome): string {
  switch (outcome.status) {
    case "invited":
      return t("outcomeInvited", { delivery: t(DELIVERY[outcome.delivery]) });
    case "resent":
      return t("outcomeResent", { delivery: t(DELIVERY[outcome.delivery]) });
    case "already_member":
      return t("outcomeMember");
    case "already_invited":
      return t("outcomeInvitedAlready");
    case "cooldown":
      return t("outcomeCooldown", { seconds: outcome.retryAfterSeconds });
    case "send_limit":
      return t("outcomeSendLimit");
    case "pending_limit":
      return t("outcomePendingLimit");
    case "daily_limit":
      return t("outcomeDailyLimit");
    case "suppressed":
      return t("outcomeSuppressed");
  }
}

const SENT = new Set<InviteOutcome["status"]>(["invited", "resent"]);

/** The result of one submission, address by address. */
export function InviteOutcomes({ outcomes }: { outcomes: InviteOutcome[] }) {
  const t = useTranslations("orgClient");
  const sent = outcomes.filter((o) => SENT.has(o.status)).length;
  return (
    <div className={`alert ${sent === outcomes.length ? "alert-ok" : "alert-warn"} stack`} role="status">
      <p style={{ margin: 0 }}>{sent === 0 ? t("noneSent") : t("sentCount", { count: sent })}</p>
      <ul className="account-list" aria-label={t("results")}>
        {outcomes.map((outcome) => (
          <li key={outcome.email}>
            <strong>{outcome.email}</strong>: {describeOutcome(t, outcome)}
          </li>
        ))}
      </ul>
    </div>
  );
}
