import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CONNECTIONS_PAGE, pendingConnect } from "@/lib/social/connect";
import { requireAccountUser } from "../../guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountConnections"))("connectingTitle") };
}

/**
 * The hop between the Connect form and the provider (lib/social/connect.ts,
 * CONTINUE_PAGE): a refresh to the authorization URL the connect flow keeps,
 * and a link for browsers that do not follow it. Only for the connect this
 * browser started as this user in this session; anything else goes back.
 */
export default async function ContinueConnectPage() {
  const user = await requireAccountUser();
  const pending = await pendingConnect(user);
  if (!pending) redirect(`${CONNECTIONS_PAGE}?status=expired`);
  const t = await getTranslations("accountConnections");
  return (
    <div className="stack account-page">
      <meta httpEquiv="refresh" content={`0;url=${pending.authorizationUrl}`} />
      <h1>{t("connecting", { provider: pending.provider })}</h1>
      <p>
        <a className="button button-inline" href={pending.authorizationUrl}>
          {t("continueTo", { provider: pending.provider })}
        </a>
      </p>
    </div>
  );
}
