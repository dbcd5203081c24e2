import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { consoleMetadata } from "@/components/console/console-metadata";
import { formatAbsolute } from "@/components/console/time-ago";
import { CheckList } from "@/components/deliverability/check-list";
import { requireAdmin } from "@/lib/auth/admin";
import { connectors, isConnectorId } from "@/lib/connectors/registry";
import { getDeliverabilityReport, parseSelectors } from "@/lib/deliverability/get-report";
import { recheckDeliverabilityAction } from "./actions";
import { ConsolePage } from "@/components/console/console-page";

export const generateMetadata = async (): Promise<Metadata> => consoleMetadata("deliverability");

type Props = { searchParams: Promise<{ selectors?: string | string[] }> };

export default async function DeliverabilityPage({ searchParams }: Props) {
  await requireAdmin();
  const [query, t] = await Promise.all([searchParams, getTranslations("deliverability")]);
  const selectors = parseSelectors(typeof query.selectors === "string" ? query.selectors : "");
  const outcome = await getDeliverabilityReport({ selectors }).then(
    (report) => ({ report }),
    (error: unknown) => ({ problem: error instanceof Error ? error.message : String(error) }),
  );

  return (
    <ConsolePage title={t("title")} lead={t("lead")}>
      {"problem" in outcome ? (
        <div className="alert alert-error" role="alert">
          {t("unavailable", { problem: outcome.problem })}
        </div>
      ) : !outcome.report ? (
        <p className="card">
          {t("devMailbox")} <Link href="/console/connectors/new">/console/connectors/new</Link>
        </p>
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{t("facts.domain")}</dt>
              <dd>{outcome.report.target.domain}</dd>
            </div>
            <div>
              <dt>{t("facts.provider")}</dt>
              <dd>{isConnectorId(outcome.report.target.provider) ? connectors[outcome.report.target.provider].label : outcome.report.target.provider}</dd>
            </div>
            <div>
              <dt>{t("facts.checkedAt")}</dt>
              <dd>
                <time dateTime={outcome.report.checkedAt.toISOString()}>{formatAbsolute(outcome.report.checkedAt)}</time>
              </dd>
            </div>
          </dl>
          {!outcome.report.reachable ? (
            <div className="alert alert-error" role="alert">
              {t("unreachable")}
            </div>
          ) : null}
          <form method="get" className="stack">
            <label htmlFor="selectors">{t("selectors.label")}</label>
            <input id="selectors" name="selectors" defaultValue={selectors.join(", ")} aria-describedby="selectors-help" />
            <p id="selectors-help" className="muted">
              {t("selectors.help")}
            </p>
            <div>
              <button className="button button-inline button-secondary" type="submit">
                {t("selectors.submit")}
              </button>
            </div>
          </form>
          <form action={recheckDeliverabilityAction} className="stack">
            <input type="hidden" name="selectors" value={selectors.join(",")} />
            <div>
              <button className="button button-inline" type="submit">
                {t("recheck")}
              </button>
            </div>
            <p className="muted">{t("cached")}</p>
          </form>
          <CheckList checks={outcome.report.checks} />
        </>
      )}
    </ConsolePage>
  );
}
