import { junk, type Random } from "./random";
import { fillRoute, oddBody, oddHeaders, queryString, type FuzzCase, type Target } from "./cases";

/**
 * Server-action fuzz cases. Actions are found in the build's
 * server-reference-manifest and posted to the way React posts them: with a
 * `Next-Action` header (the JavaScript path; arguments encoded as a reply)
 * and as a plain multipart form (`$ACTION_ID_…` / `$ACTION_REF_…`, the
 * no-JavaScript path), with arguments of the wrong number and type.
 */
export type ActionRef = { id: string; name: string; file: string; pages: readonly string[] };

const FIELDS = [
  "email", "password", "confirm", "name", "code", "avatarUrl", "locale", "sessionId", "factor", "id", "back", "intent",
  "connectorId", "fromAddress", "fromName", "testTo", "config.host", "config.port", "config.apiKey", "config.allowPrivateNetwork",
  "signInPassword", "signInEmailCode", "passwordMinLength", "otpTtlSeconds", "otpMaxAttempts",
];

/** Argument lists in React's reply encoding, of every wrong shape. */
const ARGS = [
  "[]", "[1]", '["x"]', "[null]", "[null,null,null]", '[{"status":"idle"}]', '[{"status":"idle"},"x"]', '["/account",{"status":"idle"},{}]',
  "[1,2,3,4,5]", "{}", '"x"', '[["$K1"]]', '["$K1"]', '["$@1"]', '["$T"]', '["$Q1"]', '[{"status":"idle"},"$K9"]', "[", '{"a"',
];

function multipart(r: Random, fields: [string, string][]): { type: string; body: Buffer } {
  const boundary = `----mailgatefuzz${r.hex(12)}`;
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "%22")}"\r\n\r\n${value}\r\n`);
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`) };
}

function junkFields(r: Random, prefix = ""): [string, string][] {
  return Array.from({ length: r.int(6) }, () => [`${prefix}${r.chance(0.9) ? r.pick(FIELDS) : junk(r)}`, junk(r)] as [string, string]);
}

function pagePath(r: Random, action: ActionRef, target: Target): string {
  const page = action.pages.length && r.chance(0.85) ? r.pick(action.pages) : r.pick(target.pages);
  return fillRoute(page, r) + (r.chance(0.2) ? queryString(r) : "");
}

/** The JavaScript path: `Next-Action: <id>` with a junk reply body. */
function fetchCase(r: Random, action: ActionRef, target: Target): FuzzCase {
  const headers = { ...oddHeaders(r, target), "next-action": action.id, accept: "text/x-component" };
  let body: { type: string; body: Buffer };
  const shape = r.int(10);
  if (shape < 4) body = { type: "text/plain;charset=UTF-8", body: Buffer.from(r.pick(ARGS)) };
  else if (shape < 8) body = multipart(r, [["0", r.pick(['[{"status":"idle"},"$K1"]', '["$K1"]', '["x","$K1"]', r.pick(ARGS)])], ...junkFields(r, "1_")]);
  else body = oddBody(r);
  return { kind: "action-fetch", about: `${action.file}#${action.name}`, method: "POST", path: pagePath(r, action, target), headers: { ...headers, "content-type": body.type }, body: body.body };
}

/** The no-JavaScript path: a multipart form naming the action, with or without bound arguments. */
function formCase(r: Random, action: ActionRef, target: Target): FuzzCase {
  const fields = junkFields(r);
  if (r.chance(0.5)) fields.unshift([`$ACTION_ID_${action.id}`, ""]);
  else {
    const bound = r.pick(["null", "[]", "[123]", '[{"a":1}]', '["/\\\\evil.example"]', '["totp",{"status":"idle"}]', '"$@1"', '{"x":1}']);
    fields.unshift(["$ACTION_REF_1", ""], ["$ACTION_1:0", `{"id":"${action.id}","bound":${bound}}`], ["$ACTION_1:1", r.pick(ARGS)]);
    if (r.chance(0.5)) fields.push(["$ACTION_KEY", r.pick(["k0", "", junk(r)])]);
  }
  const { type, body } = multipart(r, fields);
  return { kind: "action-form", about: `${action.file}#${action.name}`, method: "POST", path: pagePath(r, action, target), headers: { ...oddHeaders(r, target), "content-type": type }, body };
}

/** An id that names no action (or a mangled one). */
function unknownActionCase(r: Random, target: Target): FuzzCase {
  const id = r.pick([r.hex(42), "", "x", junk(r).replace(/[^\x21-\x7e]/g, "")]);
  const { type, body } = r.chance(0.5) ? { type: "text/plain;charset=UTF-8", body: Buffer.from("[]") } : oddBody(r);
  return { kind: "action-unknown", about: "unknown action id", method: "POST", path: fillRoute(r.pick(target.pages), r), headers: { ...oddHeaders(r, target), "next-action": id, "content-type": type }, body };
}

export function actionCase(r: Random, actions: readonly ActionRef[], target: Target): FuzzCase {
  const roll = r.next();
  if (roll < 0.08) return unknownActionCase(r, target);
  const action = r.pick(actions);
  // Signing out would end the sessions the rest of the run uses.
  const on = action.name === "signOutAction" ? { ...target, sessions: [""] } : target;
  return roll < 0.55 ? fetchCase(r, action, on) : formCase(r, action, on);
}
