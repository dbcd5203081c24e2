const MASK = "•••";

/**
 * Hides most of an address while keeping it recognisable to its owner:
 * `ada.lovelace@example.com` → `a•••@example.com`. The mask has a fixed
 * length so it does not reveal how long the local part is. Splits on the last
 * "@" and counts code points, so a leading emoji or accent stays whole.
 */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  const local = at === -1 ? address : address.slice(0, at);
  const domain = at === -1 ? "" : address.slice(at);
  const [first = ""] = Array.from(local);
  return `${first}${MASK}${domain}`;
}
