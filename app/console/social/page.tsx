import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { consoleTranslator } from "@/components/console/console-locale";
import Link from "next/link";
import { ActionButton } from "@/components/account/action-button";
import { consoleMetadata } from "@/components/console/console-metadata";
import { ProviderLogo } from "@/components/console/provider-logo";
import { FormAlert } from "@/components/field";
import { requireAdmin } from "@/lib/auth/admin";
import { listSocialConnectors, type SocialConnectorSummary } from "@/lib/social/store";
import { disableSocialAction, enableSocialAction, moveSocialAction } from "./actions";
import { doneKey } from "./done";
import { ConsolePage } from "@/components/console/console-page";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("social");

/** Every social connector in button order, with its switches; set-up and edits are on their own pages. */
export default async function SocialConnectorsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requireAdmin();
  const [connectors, { done }, t, { tr }] = await Promise.all([listSocialConnectors(), searchParams, getTranslations("consoleSocial"), consoleTranslator()]);
  const change = doneKey(done);
  return (
    <ConsolePage title={t("title")} lead={t("lead")}>
      <FormAlert message={change && t(`done.${change}`)} />
      {connectors.length === 0 ? (
        <section className="card empty-state stack" aria-label={t("emptyLabel")}>
          <h2>{t("emptyTitle")}</h2>
          <p>{t("emptyLead")}</p>
        </section>
      ) : (
        <table className="table social-connectors">
          <thead>
            <tr>
              <th scope="col">{t("columns.button")}</th>
              <th scope="col">{t("columns.provider")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.linked")}</th>
              <th scope="col">{t("columns.order")}</th>
              <th scope="col">{t("columns.change")}</th>
            </tr>
          </thead>
          <tbody>
            {connectors.map((connector, i) => (
              <Row key={connector.id} connector={connector} first={i === 0} last={i === connectors.length - 1} t={t} tr={tr} />
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <Link className="button button-inline" href="/console/social/new">
          {t("addProvider")}
        </Link>
      </div>
    </ConsolePage>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"consoleSocial">>>;

function Row({ connector, first, last, t, tr }: { connector: SocialConnectorSummary; first: boolean; last: boolean; t: Translate; tr: (text: string) => string }) {
  const hidden = { id: connector.id };
  const problem = connector.problem && tr(connector.problem);
  return (
    <tr data-connector={connector.id}>
      <td>
        <div className="provider-heading">
          <ProviderLogo id={connector.providerId} size={28} />
          <div>
            <strong>{connector.name}</strong>
            <div className="muted">
              <code>{connector.id}</code>
            </div>
          </div>
        </div>
      </td>
      <td>{connector.providerLabel}</td>
      <td>
        {problem ? (
          <span className="badge badge-warn" title={problem}>
            {t("unusable")}
          </span>
        ) : connector.enabled ? (
          <span className="badge badge-on">{t("enabled")}</span>
        ) : (
          <span className="badge badge-off">{t("disabled")}</span>
        )}
        {problem ? <p className="field-error">{problem}</p> : null}
      </td>
      <td>{connector.identities}</td>
      <td className="button-row">
        {!first ? <ActionButton action={moveSocialAction} label={t("moveUp")} detail={connector.name} hidden={{ ...hidden, direction: "up" }} variant="secondary" pendingLabel={t("moving")} /> : null}
        {!last ? <ActionButton action={moveSocialAction} label={t("moveDown")} detail={connector.name} hidden={{ ...hidden, direction: "down" }} variant="secondary" pendingLabel={t("moving")} /> : null}
      </td>
      <td className="button-row">
        <Link className="button button-inline button-secondary" href={`/console/social/${connector.id}`}>
          {t("edit")}<span className="account-sr-only"> {connector.name}</span>
        </Link>
        {connector.enabled ? (
          <ActionButton action={disableSocialAction} label={t("disable")} detail={connector.name} hidden={hidden} variant="secondary" pendingLabel={t("disabling")} />
        ) : (
          <ActionButton action={enableSocialAction} label={t("enable")} detail={connector.name} hidden={hidden} pendingLabel={t("enabling")} />
        )}
      </td>
    </tr>
  );
}
