import { randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The front door (scripts/server.mjs) tells the app who the client is in a
 * private request header, `x-mailgate-client: <token> <address>`. The token
 * is random per process and lives in globalThis, which the front door and the
 * app share (one process): a client can send the header, but not the token,
 * so a forged copy is ignored even when the app runs without the front door
 * (plain `next start`), where no token exists at all.
 */
export const CLIENT_HEADER = "x-mailgate-client";

const TOKEN = Symbol.for("mailgate.front-door-token");
const holder = globalThis as typeof globalThis & { [TOKEN]?: string };

/** Called once by the front door, before the app loads. */
export function createFrontDoorToken(): string {
  holder[TOKEN] ??= randomBytes(32).toString("base64url");
  return holder[TOKEN];
}

/** Whether this process was started by the front door. */
export const hasFrontDoor = (): boolean => typeof holder[TOKEN] === "string";

export const clientHeaderValue = (token: string, address: string) => `${token} ${address}`;

/** The address the front door stamped, or null when the header is absent or not from it. */
export function readClientHeader(value: string | null): string | null {
  const token = holder[TOKEN];
  if (!token || !value) return null;
  const space = value.indexOf(" ");
  if (space < 0) return null;
  const given = Buffer.from(value.slice(0, space));
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return value.slice(space + 1) || null;
}
