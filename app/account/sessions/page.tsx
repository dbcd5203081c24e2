import type { Metadata } from "next";
import { FormAlert } from "@/components/field";
import { TimeAgo } from "@/components/console/time-ago";
import { ActionButton } from "@/components/account/action-button";
import { StepUpPrompt } from "@/components/account/step-up-prompt";
import { listSessions } from "@/lib/account/sessions";
import { UNKNOWN_OS } from "@/lib/account/user-agent";
import { hasFreshStepUp, requireAccountUser } from "../guard";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

export const metadata: Metadata = { title: "Sessions" };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function SessionsPage({ searchParams }: { searchParams: Promise<{ signedOut?: string }> }) {
  const user = await requireAccountUser();
  const [{ signedOut }, sessions, fresh] = await Promise.all([searchParams, listSessions(user), hasFreshStepUp(user)]);
  const others = sessions.filter((session) => !session.current).length;
  const count = Number(signedOut);
  return (
    <div className="stack account-page">
      <header>
        <h1>Sessions</h1>
        <p className="muted">Where your account is signed in. Sign out anything you don&apos;t recognise, then change your password.</p>
      </header>
      {signedOut !== undefined && Number.isInteger(count) && count >= 0 ? (
        <FormAlert message={count === 0 ? "No other session was signed in." : `Signed out ${plural(count, "session", "sessions")}.`} />
      ) : null}
      {others > 0 && !fresh ? <StepUpPrompt next="/account/sessions" task="sign out other sessions" /> : null}
      <div className="account-table-scroll">
        <table className="table">
          <caption className="account-sr-only">Active sessions</caption>
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">IP address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
              {fresh && others > 0 ? <th scope="col"><span className="account-sr-only">Actions</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => {
              const device = session.os === UNKNOWN_OS ? session.browser : `${session.browser} on ${session.os}`;
              return (
                <tr key={session.id}>
                  <td>
                    {device} {session.current ? <span className="badge">This device</span> : null}
                  </td>
                  <td>{session.ip ?? "Unknown"}</td>
                  <td><TimeAgo date={session.createdAt} /></td>
                  <td><TimeAgo date={session.lastSeenAt} /></td>
                  {fresh && others > 0 ? (
                    <td>
                      {session.current ? null : (
                        <ActionButton
                          action={revokeSessionAction}
                          hidden={{ sessionId: session.id }}
                          label="Sign out"
                          detail={`${device}, ${session.ip ?? "unknown IP"}`}
                          pendingLabel="Signing out…"
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
        <ActionButton action={revokeOtherSessionsAction} label="Sign out all other sessions" pendingLabel="Signing out…" variant="danger" />
      ) : null}
      {others === 0 ? <p className="muted">You&apos;re not signed in anywhere else.</p> : null}
    </div>
  );
}
