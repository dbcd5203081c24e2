/**
 * The front door (lib/server/front-door.ts) copies the page's path and query into this request
 * header, overwriting any sent by the browser, so a server component (the
 * language switcher) knows which page to come back to.
 */
export const PATH_HEADER = "x-mailgate-path";
