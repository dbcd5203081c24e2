const MASK = "•••";

/**
 * Hides most of an address while keeping it recognisable to its owner:
 * `ada.lovelace@example.com` → `a•••@example.com`, or with `keepLast` (for an
 * operator telling addresses apart) `a•••e@example.com`. The mask has a fixed
 * length so it does not reveal how long the local part is; a local part of
 * one or two characters keeps only its first (showing the last too would
 * show all of it). Splits on the last "@" and counts code points, so an
 * emoji or accent stays whole.
 */
export function maskEmail(address: string, { keepLast = false }: { keepLast?: boolean } = {}): string {
  const at = address.lastIndexOf("@");
  const local = Array.from(at === -1 ? address : address.slice(0, at));
  const domain = at === -1 ? "" : address.slice(at);
  const last = keepLast && local.length > 2 ? local[local.length - 1] : "";
  return `${local[0] ?? ""}${MASK}${last}${domain}`;
}
