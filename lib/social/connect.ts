import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { createFlow, setFlowCookie } from "@/lib/auth/flow";
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

/**
 * The first half of "Connect": checks the connector is one the user may
 * connect, then opens a "social-connect" flow bound to this user AND this
 * session (its id in the HttpOnly flow cookie), which the provider's
 * callback requires before it links anything. The caller then hands the
 * browser to the provider (next-auth's signIn).
 */
export async function startConnect(user: CurrentUser, connectorId: unknown): Promise<Result<{ connectorId: string }>> {
  const connector = typeof connectorId === "string" ? (await enabledSocialButtons()).find((button) => button.id === connectorId) : undefined;
  if (!connector) return failWith("not_found", "This sign-in is not available. Reload the page and choose another.");
  const linked = await db.socialIdentity.count({ where: { userId: user.id, connectorId: connector.id } });
  if (linked > 0) return failWith("conflict", `${connector.name} is already connected to your account. Disconnect it first to connect another ${connector.name} account.`);
  const flow = await createFlow(CONNECT_FLOW, user.email, { userId: user.id, sessionId: user.sessionId });
  await setFlowCookie(flow.id);
  return ok({ connectorId: connector.id });
}
