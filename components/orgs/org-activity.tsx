import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/account/local-time";
import type { OrgActivityEvent } from "@/lib/orgs/list-organization-activity";

const person = (p: { name: string | null; email: string } | null) => (p ? (p.name ? `${p.name} (${p.email})` : p.email) : null);

/** The organization's activity (owners and admins): who did what, and whom or which address it concerned. */
export async function OrgActivity({ events }: { events: OrgActivityEvent[] }) {
  const t = await getTranslations("orgMembers");
  if (events.length === 0) return <p className="muted">{t("activityEmpty")}</p>;
  return (
    <div className="account-table-scroll">
      <table className="table">
        <caption className="account-sr-only">{t("activityCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("what")}</th>
            <th scope="col">{t("about")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td><LocalTime date={event.createdAt} /></td>
              <td>{person(event.actor) ?? <span className="muted">{t("deletedAccount")}</span>}</td>
              <td>{event.label}</td>
              <td>{person(event.target) ?? event.invitedEmail ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
