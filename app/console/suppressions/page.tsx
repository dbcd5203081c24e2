import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/account/action-button";
import { consoleMetadata } from "@/components/console/console-metadata";
import { CardTable } from "@/components/deliveries/card-table";
import { Timestamp } from "@/components/deliveries/timestamp";
import { FormAlert } from "@/components/field";
import { requireAdmin } from "@/lib/auth/admin";
import { listSuppressions, suppressionSearch, type SuppressionRow } from "@/lib/deliverability/suppression-list";
import { removeSuppressionAction } from "./actions";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("suppressions");

type Props = { searchParams: Promise<{ q?: string; remove?: string; removed?: string }> };
type Translate = Awaited<ReturnType<typeof getTranslations<"consoleSuppressions">>>;

/** Column headers (consoleSuppressions.columns.*), and each cell's label when the table stacks into cards on phones. */
const COLUMNS = ["address", "reason", "provider", "eventId", "detail", "when", "remove"] as const;

const PAGE = "/console/suppressions";
const href = (params: Record<string, string>) => {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== "")).toString();
  return query ? `${PAGE}?${query}` : PAGE;
};

/**
 * The suppression list (lib/deliverability/suppressions.ts). "Remove" is a
 * link to this page with the address to confirm (so it works without
 * JavaScript); the confirmation posts the action.
 */
export default async function SuppressionsPage({ searchParams }: Props) {
  await requireAdmin();
  const params = await searchParams;
  const search = suppressionSearch(params.q);
  const [{ rows, total }, t] = await Promise.all([listSuppressions(search), getTranslations("consoleSuppressions")]);
  const confirming = typeof params.remove === "string" ? rows.find((row) => row.address === suppressionSearch(params.remove)) : undefined;
  return (
    <div className="stack console-page suppressions-page">
      <header>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </header>
      <FormAlert message={typeof params.removed === "string" ? t("removed", { address: params.removed }) : undefined} />
      {confirming ? <ConfirmRemoval row={confirming} back={href({ q: search })} t={t} /> : null}

      <form method="get" action={PAGE} className="deliveries-filters suppressions-search" role="search">
        <div className="field">
          <label htmlFor="suppressions-q">{t("searchLabel")}</label>
          <input id="suppressions-q" name="q" type="search" defaultValue={search} autoComplete="off" maxLength={320} />
        </div>
        <button className="button button-inline button-secondary" type="submit">{t("search")}</button>
        {search ? <Link href={PAGE}>{t("clearSearch")}</Link> : null}
      </form>

      {rows.length > 0 ? (
        <SuppressionsTable rows={rows} search={search} t={t} />
      ) : (
        <p className="card deliveries-empty">{search ? t("emptySearch", { search }) : t("empty")}</p>
      )}
      {total > rows.length ? <p className="muted">{t("showing", { shown: rows.length, total })}</p> : null}
    </div>
  );
}

function ConfirmRemoval({ row, back, t }: { row: SuppressionRow; back: string; t: Translate }) {
  return (
    <section className="card stack suppressions-confirm" aria-labelledby="suppressions-confirm-title">
      <h2 id="suppressions-confirm-title">{t("confirmTitle", { address: row.address })}</h2>
      <p className="muted">{t("confirmLead")}</p>
      <div className="suppressions-confirm-actions">
        <ActionButton action={removeSuppressionAction} label={t("confirm")} hidden={{ address: row.address }} variant="danger" pendingLabel={t("removing")} />
        <Link href={back}>{t("cancel")}</Link>
      </div>
    </section>
  );
}

/** One row per address; cards on phones, as the deliveries. */
function SuppressionsTable({ rows, search, t }: { rows: SuppressionRow[]; search: string; t: Translate }) {
  const cell = (column: (typeof COLUMNS)[number]) => ({ role: "cell", "data-label": t(`columns.${column}`) }) as const;
  return (
    <CardTable captionId="suppressions-table-caption" caption={t("tableCaption")} headers={COLUMNS.map((column) => t(`columns.${column}`))}>
      {rows.map((row) => (
        <tr key={row.address} role="row" data-address={row.address}>
          <td className="delivery-email" {...cell("address")}>{row.address}</td>
          <td {...cell("reason")}>{row.reason === "complaint" ? t("reasons.complaint") : t("reasons.hard_bounce")}</td>
          <td {...cell("provider")}>{row.provider}</td>
          <td className="delivery-error" {...cell("eventId")}><code>{row.eventId}</code></td>
          <td className="delivery-error" {...cell("detail")}>{row.detail || <span className="muted">—</span>}</td>
          <td {...cell("when")}>
            <Timestamp date={row.createdAt} stacked />
          </td>
          <td {...cell("remove")}>
            <Link href={href({ q: search, remove: row.address })}>
              {t("remove")}
              <span className="deliveries-visually-hidden"> {t("removeWhat", { address: row.address })}</span>
            </Link>
          </td>
        </tr>
      ))}
    </CardTable>
  );
}
