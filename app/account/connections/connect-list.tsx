import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/account/action-button";
import type { CurrentUser } from "@/lib/auth/current-user";
import { connectableConnectors } from "@/lib/social/connect";
import { connectIdentityAction } from "./actions";

/** "Connect another": one button per enabled provider the user has not connected; nothing when there is none. */
export async function ConnectList({ user }: { user: CurrentUser }) {
  const [connectors, t] = await Promise.all([connectableConnectors(user.id), getTranslations("accountConnections")]);
  if (connectors.length === 0) return null;
  return (
    <section className="stack">
      <h2>{t("connectTitle")}</h2>
      <p className="muted">{t("connectLead")}</p>
      <ul className="account-connect-list">
        {connectors.map((connector) => (
          <li key={connector.id}>
            <ActionButton
              action={connectIdentityAction}
              hidden={{ connectorId: connector.id }}
              label={t("connect", { provider: connector.name })}
              pendingLabel={t("opening")}
              variant="secondary"
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
