import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/account/action-button";
import { consoleMetadata } from "@/components/console/console-metadata";
import { ProviderLogo } from "@/components/console/provider-logo";
import { FormAlert } from "@/components/field";
import { requireAdmin } from "@/lib/auth/admin";
import { listSocialConnectors, type SocialConnectorSummary } from "@/lib/social/store";
import { disableSocialAction, enableSocialAction, moveSocialAction } from "./actions";
import { doneMessage } from "./done";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("Social sign-in");

/** Every social connector in button order, with its switches; set-up and edits are on their own pages. */
export default async function SocialConnectorsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  await requireAdmin();
  const [connectors, { done }] = await Promise.all([listSocialConnectors(), searchParams]);
  return (
    <div className="stack console-page">
      <header>
        <h1>Social sign-in</h1>
        <p className="muted">
          Buttons on the sign-in page for GitHub, Google, Microsoft Entra ID or any OpenID Connect provider, shown in this order. An account
          is linked to a provider&apos;s identity only by its signed-in owner, or after a code sent to the account&apos;s address.
        </p>
      </header>
      <FormAlert message={doneMessage(done)} />
      {connectors.length === 0 ? (
        <section className="card empty-state stack" aria-label="No social connectors">
          <h2>No social sign-in yet</h2>
          <p>People sign in with their email address only. Add a provider to show its button on the sign-in page.</p>
        </section>
      ) : (
        <table className="table social-connectors">
          <thead>
            <tr>
              <th scope="col">Button</th>
              <th scope="col">Provider</th>
              <th scope="col">Status</th>
              <th scope="col">Linked accounts</th>
              <th scope="col">Order</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {connectors.map((connector, i) => (
              <Row key={connector.id} connector={connector} first={i === 0} last={i === connectors.length - 1} />
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <Link className="button button-inline" href="/console/social/new">
          Add a provider
        </Link>
      </div>
    </div>
  );
}

function Row({ connector, first, last }: { connector: SocialConnectorSummary; first: boolean; last: boolean }) {
  const hidden = { id: connector.id };
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
        {connector.problem ? (
          <span className="badge badge-warn" title={connector.problem}>
            Can&apos;t be used
          </span>
        ) : connector.enabled ? (
          <span className="badge badge-on">Enabled</span>
        ) : (
          <span className="badge badge-off">Disabled</span>
        )}
        {connector.problem ? <p className="field-error">{connector.problem}</p> : null}
      </td>
      <td>{connector.identities}</td>
      <td className="button-row">
        {!first ? <ActionButton action={moveSocialAction} label="Move up" detail={connector.name} hidden={{ ...hidden, direction: "up" }} variant="secondary" pendingLabel="Moving…" /> : null}
        {!last ? <ActionButton action={moveSocialAction} label="Move down" detail={connector.name} hidden={{ ...hidden, direction: "down" }} variant="secondary" pendingLabel="Moving…" /> : null}
      </td>
      <td className="button-row">
        <Link className="button button-inline button-secondary" href={`/console/social/${connector.id}`}>
          Edit<span className="account-sr-only"> {connector.name}</span>
        </Link>
        {connector.enabled ? (
          <ActionButton action={disableSocialAction} label="Disable" detail={connector.name} hidden={hidden} variant="secondary" pendingLabel="Disabling…" />
        ) : (
          <ActionButton action={enableSocialAction} label="Enable" detail={connector.name} hidden={hidden} pendingLabel="Enabling…" />
        )}
      </td>
    </tr>
  );
}
