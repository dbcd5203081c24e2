/**
 * What /account/connections says when the browser comes back with
 * `?status=`: after a connect (lib/social/connect-identity.ts sends these
 * from the provider's callback) or a disconnect. Unknown values are ignored.
 * One table for the callback and the page, so the two cannot drift.
 */
export const CONNECT_STATUS = {
  linked: { ok: true, text: "Connected. You can now sign in with it." },
  already: { ok: true, text: "That account was already connected to yours." },
  "linked-elsewhere": {
    ok: false,
    text: "That account is already connected to another account here, so it wasn't connected to yours. Sign in with it to use that account, or disconnect it there first.",
  },
  expired: { ok: false, text: "Connecting took too long, or you signed out or switched accounts meanwhile, so nothing was connected. Start again." },
  disconnected: { ok: true, text: "Disconnected. You can no longer sign in with that account." },
} as const satisfies Record<string, { ok: boolean; text: string }>;

export type ConnectStatus = keyof typeof CONNECT_STATUS;

export const isConnectStatus = (value: unknown): value is ConnectStatus => typeof value === "string" && Object.hasOwn(CONNECT_STATUS, value);
