import type { Metadata } from "next";
import { FormAlert } from "@/components/field";
import { TimeAgo } from "@/components/console/time-ago";
import { ActionButton } from "@/components/account/action-button";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { disconnectable, listIdentities, type IdentitySummary } from "@/lib/social/identities";
import { CONNECT_STATUS, isConnectStatus } from "@/lib/social/connect-status";
import { hasFreshStepUp, requireAccountUser } from "../guard";
import { disconnectIdentityAction } from "./actions";
import { ConnectList } from "./connect-list";

export const metadata: Metadata = { title: "Connected accounts" };

const who = (identity: IdentitySummary) => [identity.name, identity.email].filter(Boolean).join(" · ") || "No name or email given";

/**
 * Social sign-ins joined to the account: what each provider said of the
 * person, when it was connected and last used; connect another (the provider
 * sends the browser back here with ?status=), disconnect after "Confirm it's you".
 */
export default async function ConnectionsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requireAccountUser();
  const [{ status }, identities, fresh] = await Promise.all([searchParams, listIdentities(user.id), hasFreshStepUp(user)]);
  const removable = await disconnectable(user.id, identities);
  const notice = isConnectStatus(status) ? CONNECT_STATUS[status] : null;
  return (
    <div className="stack account-page">
      <header>
        <h1>Connected accounts</h1>
        <p className="muted">Accounts at other services you can sign in with. Disconnect any you don&apos;t use or don&apos;t recognise.</p>
      </header>
      {notice ? <FormAlert error={notice.ok ? undefined : notice.text} message={notice.ok ? notice.text : undefined} /> : null}
      {identities.length === 0 ? (
        <p className="muted">No accounts are connected.</p>
      ) : (
        <>
          {fresh ? null : <StepUpPrompt next="/account/connections" task="disconnect an account" />}
          <div className="account-table-scroll">
            <table className="table">
              <caption className="account-sr-only">Connected accounts</caption>
              <thead>
                <tr>
                  <th scope="col">Provider</th>
                  <th scope="col">Account</th>
                  <th scope="col">Connected</th>
                  <th scope="col">Last used</th>
                  {fresh ? <th scope="col"><span className="account-sr-only">Actions</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {identities.map((identity) => (
                  <tr key={identity.id}>
                    <td>
                      {identity.provider} {identity.enabled ? null : <span className="badge">Sign-in turned off</span>}
                    </td>
                    <td>{who(identity)}</td>
                    <td><TimeAgo date={identity.linkedAt} /></td>
                    <td>{identity.lastUsedAt ? <TimeAgo date={identity.lastUsedAt} /> : "Never"}</td>
                    {fresh ? (
                      <td>
                        <ActionButton
                          action={disconnectIdentityAction}
                          hidden={{ identityId: identity.id }}
                          label="Disconnect"
                          detail={`${identity.provider}, ${who(identity)}`}
                          pendingLabel="Disconnecting…"
                          variant="secondary"
                        />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {identities.some((identity) => !removable.has(identity.id)) ? (
            <p className="muted">
              You can&apos;t disconnect your only way to sign in. Set a password or connect another account first.
            </p>
          ) : null}
        </>
      )}
      <ConnectList user={user} />
    </div>
  );
}
