/**
 * Next.js decodes a server action's arguments (React's reply encoding)
 * before any code of ours runs, and answers a 500 when they do not decode:
 * `["$Q1"]`, a 5,000-deep array, a multipart part header cut short… Those
 * are malformed requests, not our bugs. To tell the two apart, the front
 * door gives every request an id in a private header and the action wrapper
 * (lib/action.ts) records that it was entered; a 5xx to an action request
 * whose wrapper never ran is answered as a 400 instead (front-door.ts).
 * The registry lives in globalThis, which the front door and the app share.
 */
export const REQUEST_HEADER = "x-mailgate-request";

const ENTERED = Symbol.for("mailgate.action-entries");
const holder = globalThis as typeof globalThis & { [ENTERED]?: Map<string, boolean> };
const entries = (): Map<string, boolean> => (holder[ENTERED] ??= new Map());

/** The front door: a request begins (its id is unguessable, so only the front door's ids count). */
export function beginRequest(id: string): void {
  entries().set(id, false);
}

/** The front door: the response is done. */
export function endRequest(id: string): boolean {
  const entered = entries().get(id) ?? false;
  entries().delete(id);
  return entered;
}

export const wasEntered = (id: string): boolean => entries().get(id) === true;

/** The action wrapper: our code is now handling this request. */
export function markEntered(id: string | null): void {
  if (id && entries().has(id)) entries().set(id, true);
}
