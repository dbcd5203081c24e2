import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/field";
import { ActionButton } from "@/components/account/action-button";
import { LocalTime } from "@/components/account/local-time";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { listSessions } from "@/lib/account/sessions";
import { deviceName } from "@/lib/account/user-agent";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { hasFreshStepUp, requireAccountUser } from "../guard";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountSessions"))("title") };
}

export default async function SessionsPage({ searchParams }: { searchParams: Promise<{ signedOut?: string }> }) {
  const user = await requireAccountUser();
  const [{ signedOut }, sessions, fresh, t, account, locale] = await Promise.all([
    searchParams, listSessions(user), hasFreshStepUp(user), getTranslations("accountSessions"), getTranslations("account"), resolveLocale(),
  ]);
  const others = sessions.filter((session) => !session.current).length;
  const count = Number(signedOut);
  return (
    <div className="stack account-page">
      <header>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </header>
      {signedOut !== undefined && Number.isInteger(count) && count >= 0 ? (
        <FormAlert message={count === 0 ? t("noneSignedOut") : t("signedOut", { count })} />
      ) : null}
      {others > 0 && !fresh ? <StepUpPrompt next="/account/sessions" task={t("task")} /> : null}
      <div className="account-table-scroll">
        <table className="table">
          <caption className="account-sr-only">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("device")}</th>
              <th scope="col">{t("ip")}</th>
              <th scope="col">{t("signedIn")}</th>
              <th scope="col">{t("lastActive")}</th>
              {fresh && others > 0 ? <th scope="col"><span className="account-sr-only">{account("actions")}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => {
              const device = deviceName(session, locale);
              return (
                <tr key={session.id}>
                  <td>
                    {device} {session.current ? <span className="badge">{t("thisDevice")}</span> : null}
                  </td>
                  <td>{session.ip ?? account("unknown")}</td>
                  <td><LocalTime date={session.createdAt} /></td>
                  <td><LocalTime date={session.lastSeenAt} /></td>
                  {fresh && others > 0 ? (
                    <td>
                      {session.current ? null : (
                        <ActionButton
                          action={revokeSessionAction}
                          hidden={{ sessionId: session.id }}
                          label={t("signOut")}
                          detail={`${device}, ${session.ip ?? t("unknownIp")}`}
                          pendingLabel={t("signingOut")}
                          variant="secondary"
                        />
                      )}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {fresh && others > 0 ? (
        <ActionButton action={revokeOtherSessionsAction} label={t("signOutOthers")} pendingLabel={t("signingOut")} variant="danger" />
      ) : null}
      {others === 0 ? <p className="muted">{t("alone")}</p> : null}
    </div>
  );
}
