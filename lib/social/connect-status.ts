/**
 * What /account/connections says when the browser comes back with
 * `?status=`: after a connect (the social sign-in callback sends these) or a
 * disconnect. Unknown values are ignored. Shared by the callback and the page
 * so the two cannot drift.
 */
export const CONNECT_STATUS = {
  linked: { ok: true, text: "Connected. You can now sign in with it." },
  "already-linked": { ok: true, text: "That account was already connected to yours." },
  "already-linked-elsewhere": {
    ok: false,
    text: "That account is already connected to another account here, so it wasn't connected to yours. Sign in with it to use that account, or disconnect it there first.",
  },
  expired: { ok: false, text: "Connecting took too long or was started in another browser. Start again." },
  failed: { ok: false, text: "The provider did not confirm the account (it was cancelled or refused), so nothing was connected. Try again." },
  disconnected: { ok: true, text: "Disconnected. You can no longer sign in with that account." },
} as const satisfies Record<string, { ok: boolean; text: string }>;

export type ConnectStatus = keyof typeof CONNECT_STATUS;
