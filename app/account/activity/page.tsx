import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/account/local-time";
import { listEvents } from "@/lib/account/audit";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { requireAccountUser } from "../guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountActivity"))("title") };
}

const LIMIT = 50;

export default async function ActivityPage() {
  const user = await requireAccountUser();
  const locale = await resolveLocale();
  const [events, t, account] = await Promise.all([listEvents(user.id, LIMIT, locale), getTranslations("accountActivity"), getTranslations("account")]);
  return (
    <div className="stack account-page">
      <header>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead", { limit: LIMIT })}</p>
      </header>
      {events.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <div className="account-table-scroll">
          <table className="table">
            <caption className="account-sr-only">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("what")}</th>
                <th scope="col">{t("device")}</th>
                <th scope="col">{t("ip")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id} className={event.type.endsWith("_failed") ? "account-activity-failed" : undefined}>
                  <td><LocalTime date={event.createdAt} /></td>
                  <td>{event.label}</td>
                  <td>{event.device}</td>
                  <td>{event.ip ?? account("unknown")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
