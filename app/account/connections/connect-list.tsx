import { ActionButton } from "@/components/account/action-button";
import type { CurrentUser } from "@/lib/auth/current-user";
import { connectableConnectors } from "@/lib/social/connect";
import { connectIdentityAction } from "./actions";

/** "Connect another": one button per enabled provider the user has not connected; nothing when there is none. */
export async function ConnectList({ user }: { user: CurrentUser }) {
  const connectors = await connectableConnectors(user.id);
  if (connectors.length === 0) return null;
  return (
    <section className="stack">
      <h2>Connect another account</h2>
      <p className="muted">You&apos;ll sign in at the provider, then come back here. We only connect the account it confirms.</p>
      <ul className="account-connect-list">
        {connectors.map((connector) => (
          <li key={connector.id}>
            <ActionButton
              action={connectIdentityAction}
              hidden={{ connectorId: connector.id }}
              label={`Connect ${connector.name}`}
              pendingLabel="Opening…"
              variant="secondary"
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
