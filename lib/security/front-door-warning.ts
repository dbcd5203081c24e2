import { hasFrontDoor } from "./client-header";

// On globalThis: instrumentation and each route are separate bundles, each
// with its own copy of this module.
const WARNED = Symbol.for("mailgate.front-door-warned");
const holder = globalThis as typeof globalThis & { [WARNED]?: boolean };

/**
 * Said once per process when the app runs without scripts/server.mjs (e.g.
 * plain `next start`): client addresses are then unknown, and per-IP caps
 * count every client together. Loud enough to notice, not fatal, because
 * nothing is exposed — only the caps become coarser.
 */
export function warnWithoutFrontDoor(): void {
  if (holder[WARNED] || hasFrontDoor()) return;
  holder[WARNED] = true;
  console.warn(
    "mailgate: started without the front door (scripts/server.mjs, used by `npm start` and `npm run dev`): " +
      "client addresses are unknown, so per-IP limits count every client together.",
  );
}
