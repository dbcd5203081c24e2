import { getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/account/action-button";
import { LocalTime } from "@/components/account/local-time";
import { relativeTime } from "@/lib/i18n/relative-time";
import { CountFilters } from "@/components/count-filters";
import { StatusBadge } from "@/components/deliveries/status-badge";
import type { InvitationStatus } from "@/lib/orgs/invitation-rules";
import type { InvitationListItem } from "@/lib/orgs/list-invitations";
import type { ActionState } from "@/lib/result";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export const INVITATION_STATUSES: readonly InvitationStatus[] = ["pending", "expired", "revoked", "accepted", "declined"];
/** "Pending", "Expired", …: the status itself, capitalised (the console's English wording; the organization's pages take theirs from the catalogue). */
export const invitationStatusLabel = (status: InvitationStatus): string => status.charAt(0).toUpperCase() + status.slice(1);

export const isInvitationStatus = (value: unknown): value is InvitationStatus => INVITATION_STATUSES.includes(value as InvitationStatus);

/** Counts per status, each a link that filters the list (the deliveries page's look). */
export async function InvitationFilters({ base, items, current }: { base: string; items: InvitationListItem[]; current?: InvitationStatus }) {
  const t = await getTranslations("orgInvitations");
  const filters = [
    { key: "all", label: t("all"), count: items.length, href: base, current: !current },
    ...INVITATION_STATUSES.map((status) => ({
      key: status, label: t(`status_${status}`), count: items.filter((i) => i.status === status).length, href: `${base}?status=${status}`, current: current === status,
    })),
  ];
  return <CountFilters label={t("byStatus")} items={filters} />;
}

/** Each invitation with its state, the delivery of its latest email (from the outbox), and Resend / Revoke where they apply. */
export async function InvitationsTable({ items, resend, revoke }: { items: InvitationListItem[]; resend: Action; revoke: Action }) {
  const [t, roles, account, locale] = await Promise.all([getTranslations("orgInvitations"), getTranslations("orgRoles"), getTranslations("account"), getLocale()]);
  if (items.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <div className="account-table-scroll">
      <table className="table">
        <caption className="account-sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("delivery")}</th>
            <th scope="col">{t("sent")}</th>
            <th scope="col"><span className="account-sr-only">{account("actions")}</span></th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const detail = t("theInvitationTo", { email: item.email });
            const when = relativeTime(locale, item.expiresAt, account("justNow"));
            return (
              <tr key={item.id}>
                <td>{item.email}<br /><span className="muted">{t("by", { name: item.invitedBy ?? t("deletedAccount") })}</span></td>
                <td>{roles(item.role)}</td>
                <td>
                  {t(`status_${item.status}`)}
                  {item.status === "pending" || item.status === "expired" ? (
                    <>
                      <br />
                      <time className="muted" dateTime={item.expiresAt.toISOString()}>
                        {item.status === "pending" ? t("expiresIn", { when }) : t("expiredAgo", { when })}
                      </time>
                    </>
                  ) : null}
                </td>
                <td>{item.delivery ? <StatusBadge status={item.delivery} /> : <span className="muted">{t("noDelivery")}</span>}</td>
                <td>{item.sendCount}×{item.lastSentAt ? <><br /><LocalTime date={item.lastSentAt} /></> : null}</td>
                <td>
                  <div className="org-row-actions">
                    {item.resendInSeconds === 0 ? (
                      <ActionButton action={resend} hidden={{ invitationId: item.id }} label={t("resend")} detail={detail} pendingLabel={t("sending")} variant="secondary" />
                    ) : item.resendInSeconds ? (
                      <span className="muted">{t("resendIn", { seconds: item.resendInSeconds })}</span>
                    ) : null}
                    {item.status === "pending" || item.status === "expired" ? (
                      <ActionButton action={revoke} hidden={{ invitationId: item.id }} label={t("revoke")} detail={detail} pendingLabel={t("revoking")} variant="danger" />
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
