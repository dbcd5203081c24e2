import { getTranslations } from "next-intl/server";
import type { CheckResult, CheckStatus } from "@/lib/deliverability/types";

const BADGE: Record<CheckStatus, string> = { pass: "badge badge-on", warn: "badge badge-warn", fail: "badge badge-warn" };

/** Each check: its verdict, what DNS answered, and the records to publish. */
export async function CheckList({ checks }: { checks: CheckResult[] }) {
  const t = await getTranslations("deliverability");
  return (
    <ul className="stack deliverability-checks" aria-label={t("title")}>
      {checks.map((check) => (
        <li key={check.id} className="card stack" data-check={check.id} data-status={check.status}>
          <h2>
            <span className={BADGE[check.status]}>{t(`status.${check.status}`)}</span> {t(`checks.${check.id}`)}
          </h2>
          <p>{t(`messages.${check.message}`, check.values ?? {})}</p>
          {check.found.length > 0 ? (
            <div>
              <h3>{t("found")}</h3>
              <ul>
                {check.found.map((record) => (
                  <li key={record}>
                    <code>{record}</code>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {check.add.length > 0 ? (
            <div className="account-table-scroll">
              <h3>{t("toAdd")}</h3>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t("record.name")}</th>
                    <th scope="col">{t("record.type")}</th>
                    <th scope="col">{t("record.value")}</th>
                  </tr>
                </thead>
                <tbody>
                  {check.add.map((record) => (
                    <tr key={`${record.name} ${record.type}`}>
                      <td><code>{record.name}</code></td>
                      <td>{record.type}</td>
                      <td><code>{record.value}</code></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
