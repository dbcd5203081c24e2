import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createFlow, getFlow, readFlowCookie, setFlowCookie } from "@/lib/auth/flow";
import { failWith } from "@/lib/errors/failure";
import { ok, type Result } from "@/lib/result";
import { enabledSocialButtons } from "./store";
import type { SocialButton } from "./types";

export const CONNECT_FLOW = "social-connect";
/** Where the provider's callback sends the browser back to, with ?status= (connect-status.ts). */
export const CONNECTIONS_PAGE = "/account/connections";

/** The enabled connectors this user has not connected yet: the "Connect" buttons. */
export async function connectableConnectors(userId: string): Promise<SocialButton[]> {
  const [buttons, linked] = await Promise.all([
    enabledSocialButtons(),
    db.socialIdentity.findMany({ where: { userId }, select: { connectorId: true } }),
  ]);
  const taken = new Set(linked.map((identity) => identity.connectorId));
  return buttons.filter((button) => !taken.has(button.id));
}

/** Starts the provider's side (next-auth's signIn without its redirect: it sets the state cookies) and returns its authorization URL. */
export type Authorize = (connectorId: string) => Promise<string>;

export type StartedConnect = { provider: string; authorizationUrl: string };

/**
 * The first half of "Connect": checks the connector is one the user may
 * connect, starts the provider's side, then opens a "social-connect" flow
 * bound to this user AND this session (its id in the HttpOnly flow cookie),
 * which the provider's callback requires before it links anything. The
 * flow keeps the authorization URL for the page that sends a browser
 * without JavaScript on (CONTINUE_PAGE).
 */
export async function startConnect(user: CurrentUser, connectorId: unknown, authorize: Authorize): Promise<Result<StartedConnect>> {
  const connector = typeof connectorId === "string" ? (await enabledSocialButtons()).find((button) => button.id === connectorId) : undefined;
  if (!connector) return failWith("not_found", "This sign-in is not available. Reload the page and choose another.");
  const linked = await db.socialIdentity.count({ where: { userId: user.id, connectorId: connector.id } });
  if (linked > 0) return failWith("conflict", `${connector.name} is already connected to your account. Disconnect it first to connect another ${connector.name} account.`);
  const authorizationUrl = await authorize(connector.id);
  const flow = await createFlow(CONNECT_FLOW, user.email, { userId: user.id, sessionId: user.sessionId, provider: connector.name, authorizationUrl });
  await setFlowCookie(flow.id);
  return ok({ provider: connector.name, authorizationUrl });
}

/**
 * Where the account centre's Connect form lands. A form's response may not
 * redirect to another origin (the CSP's form-action 'self' covers the
 * redirects after a submission, and browsers without JavaScript follow them
 * as the form's navigation), so the form comes here first, and this page
 * sends the browser on to the provider.
 */
export const CONTINUE_PAGE = "/account/connections/continue";

/** The connect this browser started, if it is this user's in this session: where to send it next. */
export async function pendingConnect(user: CurrentUser): Promise<StartedConnect | null> {
  const flow = await getFlow(await readFlowCookie(), CONNECT_FLOW);
  if (!flow || flow.data.userId !== user.id || flow.data.sessionId !== user.sessionId) return null;
  const { provider, authorizationUrl } = flow.data;
  return typeof provider === "string" && typeof authorizationUrl === "string" ? { provider, authorizationUrl } : null;
}
