/**
 * What /account/connections says when the browser comes back with
 * `?status=`: after a connect (lib/social/connect-identity.ts sends these
 * from the provider's callback) or a disconnect. Unknown values are ignored.
 * One table for the callback and the page, so the two cannot drift; each
 * status's words are in the catalogue (accountConnections.<key>).
 */
export const CONNECT_STATUS = {
  linked: { ok: true, key: "statusLinked" },
  already: { ok: true, key: "statusAlready" },
  "linked-elsewhere": { ok: false, key: "statusLinkedElsewhere" },
  expired: { ok: false, key: "statusExpired" },
  disconnected: { ok: true, key: "statusDisconnected" },
} as const satisfies Record<string, { ok: boolean; key: string }>;

export type ConnectStatus = keyof typeof CONNECT_STATUS;

export const isConnectStatus = (value: unknown): value is ConnectStatus => typeof value === "string" && Object.hasOwn(CONNECT_STATUS, value);
