import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/field";
import { ActionButton } from "@/components/account/action-button";
import { LocalTime } from "@/components/account/local-time";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { disconnectable, listIdentities, type IdentitySummary } from "@/lib/social/identities";
import { CONNECT_STATUS, isConnectStatus } from "@/lib/social/connect-status";
import { hasFreshStepUp, requireAccountUser } from "../guard";
import { disconnectIdentityAction } from "./actions";
import { ConnectList } from "./connect-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountConnections"))("title") };
}

const who = (identity: IdentitySummary) => [identity.name, identity.email].filter(Boolean).join(" · ");

/**
 * Social sign-ins joined to the account: what each provider said of the
 * person, when it was connected and last used; connect another (the provider
 * sends the browser back here with ?status=), disconnect after "Confirm it's you".
 */
export default async function ConnectionsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requireAccountUser();
  const [{ status }, identities, fresh, t, account] = await Promise.all([
    searchParams, listIdentities(user.id), hasFreshStepUp(user), getTranslations("accountConnections"), getTranslations("account"),
  ]);
  const removable = await disconnectable(user.id, identities);
  const notice = isConnectStatus(status) ? CONNECT_STATUS[status] : null;
  const person = (identity: IdentitySummary) => who(identity) || t("noNameOrEmail");
  return (
    <div className="stack account-page">
      <header>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </header>
      {notice ? <FormAlert error={notice.ok ? undefined : t(notice.key)} message={notice.ok ? t(notice.key) : undefined} /> : null}
      {identities.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <>
          {fresh ? null : <StepUpPrompt next="/account/connections" task={t("task")} />}
          <div className="account-table-scroll">
            <table className="table">
              <caption className="account-sr-only">{t("title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("provider")}</th>
                  <th scope="col">{t("account")}</th>
                  <th scope="col">{t("connected")}</th>
                  <th scope="col">{t("lastUsed")}</th>
                  {fresh ? <th scope="col"><span className="account-sr-only">{account("actions")}</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {identities.map((identity) => (
                  <tr key={identity.id}>
                    <td>
                      {identity.provider} {identity.enabled ? null : <span className="badge">{t("turnedOff")}</span>}
                    </td>
                    <td>{person(identity)}</td>
                    <td><LocalTime date={identity.linkedAt} /></td>
                    <td>{identity.lastUsedAt ? <LocalTime date={identity.lastUsedAt} /> : t("never")}</td>
                    {fresh ? (
                      <td>
                        <ActionButton
                          action={disconnectIdentityAction}
                          hidden={{ identityId: identity.id }}
                          label={t("disconnect")}
                          detail={`${identity.provider}, ${person(identity)}`}
                          pendingLabel={t("disconnecting")}
                          variant="secondary"
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {identities.some((identity) => !removable.has(identity.id)) ? <p className="muted">{t("onlyWay")}</p> : null}
        </>
      )}
      <ConnectList user={user} />
    </div>
  );
}
