/**
 * Where "Confirm it's you" may send the user back to: same-site paths under
 * /account, the console's admins page (its role changes need a proof) and an
 * organization's settings page (deleting it needs one). Anything else (other
 * sites, protocol-relative "//host", backslash tricks, other parts of the
 * app, verify itself) becomes /account.
 */
export function safeNext(raw: unknown): string {
  if (typeof raw !== "string" || raw.length > 200) return "/account";
  if (!/^\/(?:account|console\/admins(?=[?#]|$)|orgs\/[a-z0-9-]+\/settings(?=[?#]|$))(?:[/?#]|$)/.test(raw)) return "/account";
  if (raw.includes("//") || raw.includes("\\") || /[\u0000-\u001f]/.test(raw)) return "/account";
  if (/^\/account\/verify(?:[/?#]|$)/.test(raw)) return "/account";
  return raw;
}

/** The "Confirm it's you" page that returns to `next` afterwards. */
export const verifyHref = (next: string) => `/account/verify?next=${encodeURIComponent(safeNext(next))}`;
