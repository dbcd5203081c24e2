import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { dateTime } from "@/components/account/local-time";
import type { InvitationPreview } from "@/lib/orgs/find-invitation-by-token";

const HOUR_MS = 60 * 60 * 1000;

/** "in 6 days" / "in 5 hours" / "within the hour", in `locale`: a server render happens once per request, so reading the clock is fine. */
function timeLeft(locale: string, expiresAt: Date, withinHour: string): string {
  const hours = Math.floor((expiresAt.getTime() - Date.now()) / HOUR_MS);
  const format = new Intl.RelativeTimeFormat(locale);
  if (hours >= 48) return format.format(Math.round(hours / 24), "day");
  if (hours >= 1) return format.format(hours, "hour");
  return withinHour;
}

/** Who invited whom to what: what the invitation email said, for the page the link opens. */
export async function InvitationSummary({ invitation }: { invitation: InvitationPreview }) {
  const { organization, inviter, role, maskedEmail, expiresAt } = invitation;
  const [t, roles, account, locale] = await Promise.all([getTranslations("invite"), getTranslations("orgRoles"), getTranslations("account"), getLocale()]);
  return (
    <div className="stack">
      <div className="invite-heading">
        {/* eslint-disable-next-line @next/next/no-img-element -- the organization's own URL, any host; no Referer, the page's URL holds the token */}
        {organization.logoUrl ? <img src={organization.logoUrl} alt="" referrerPolicy="no-referrer" /> : null}
        <h1>{t("join", { org: organization.name })}</h1>
      </div>
      <p>
        {t.rich("invitedYou", {
          inviter: inviter ?? t("anAdmin"),
          org: organization.name,
          role,
          strong: (chunks) => <strong>{chunks}</strong>,
          b: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <dl className="facts invite-facts">
        <div>
          <dt>{t("invitedAddress")}</dt>
          <dd>{maskedEmail}</dd>
        </div>
        <div>
          <dt>{t("role")}</dt>
          <dd>{roles(role)}</dd>
        </div>
        <div>
          <dt>{t("expires")}</dt>
          <dd>
            <time dateTime={expiresAt.toISOString()}>{account("utc", { time: dateTime(locale, expiresAt) })}</time> ({timeLeft(locale, expiresAt, t("withinHour"))})
          </dd>
        </div>
      </dl>
    </div>
  );
}

const CLOSED_TITLES = { expired: "closedExpired", revoked: "closedRevoked", accepted: "closedAccepted", declined: "closedDeclined" } as const;
const GONE = { expired: "goneExpired", revoked: "goneRevoked", accepted: "goneAccepted", declined: "goneDeclined" } as const;

/**
 * An invitation that can no longer be answered: which state, who to ask
 * (the words of lib/orgs/invitation-gone.ts, in the reader's language) and a
 * way on. Its own invitee, signed in, is told what they did instead.
 */
export async function InvitationClosed({ invitation }: { invitation: InvitationPreview & { status: keyof typeof CLOSED_TITLES } }) {
  const { status, organization, inviter, viewer } = invitation;
  const t = await getTranslations("invite");
  const org = organization.name;
  const own = viewer === "invitee";
  const ask = inviter ? t("askInviter", { inviter, org }) : t("askAdmin", { org });
  const text =
    own && status === "accepted"
      ? t("youAreMember", { org })
      : own && status === "declined"
        ? inviter ? t("youDeclined", { org, inviter }) : t("youDeclinedNoInviter", { org })
        : t(GONE[status], { org, ask });
  return (
    <div className="stack">
      <h1>{t(CLOSED_TITLES[status])}</h1>
      <p role="status">{text}</p>
      <div className="links">
        {own && status === "accepted" ? <Link href={`/orgs/${organization.slug}`}>{t("open", { org })}</Link> : null}
        {viewer === "signed_out" && status === "accepted" ? <Link href="/sign-in">{t("signIn")}</Link> : null}
        <Link href="/">{t("home")}</Link>
      </div>
    </div>
  );
}
