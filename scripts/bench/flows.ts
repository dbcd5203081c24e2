// The two measured steps of code sign-in, driven like a browser without
// JavaScript: GET the page, read the form, POST it as multipart/form-data.
import { findForm, toFormData, type ParsedForm } from "./forms";

export const FLOW_COOKIE = "mg_flow";
export const SESSION_COOKIE = "authjs.session-token";
const REQUEST_TIMEOUT_MS = 30_000;

/** A failed step, with a short reason used to group errors in the report. */
export class StepError extends Error {
  constructor(readonly reason: string, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

/** name → value of every Set-Cookie in a response. */
export function setCookies(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(";", 1)[0] ?? "";
    const eq = pair.indexOf("=");
    if (eq > 0) out.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return out;
}

export type Client = { origin: string; ip: string };

function headers(client: Client, cookie?: string): Record<string, string> {
  return {
    Origin: client.origin,
    "Sec-Fetch-Site": "same-origin",
    "Sec-Fetch-Mode": "navigate",
    Accept: "text/html,application/xhtml+xml",
    "Accept-Language": "en",
    "User-Agent": "mailgate-bench",
    "X-Forwarded-For": client.ip,
    ...(cookie ? { Cookie: cookie } : {}),
  };
}

/** GETs a page as a navigation; throws unless 200. */
export async function getPage(client: Client, path: string, cookie?: string): Promise<{ url: string; html: string }> {
  const url = new URL(path, client.origin).href;
  // A navigation GET carries no Origin header.
  const getHeaders = headers(client, cookie);
  delete getHeaders.Origin;
  const res = await fetch(url, { headers: getHeaders, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const html = await res.text();
  if (res.status !== 200) {
    throw new StepError(`GET ${new URL(url).pathname} answered ${res.status}`, res.headers.get("location") ?? undefined);
  }
  return { url, html };
}

/** POSTs a form; returns the response with its body read, and how long that took. */
export async function postForm(client: Client, form: ParsedForm, values: Record<string, string>, cookie?: string) {
  const body = toFormData(form, values);
  const start = performance.now();
  const res = await fetch(form.action, {
    method: "POST",
    body,
    headers: headers(client, cookie),
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  return { res, text, ms: performance.now() - start };
}

const pathOf = (location: string | null, origin: string) => (location ? new URL(location, origin).pathname : null);

/** Why a POST that should have redirected did not, in a few words. */
function unexpected(res: Response, text: string, origin: string): StepError {
  const location = pathOf(res.headers.get("location"), origin);
  if (location) return new StepError(`${res.status} redirect to ${location}`);
  const alert = /role="alert"[^>]*>([\s\S]*?)<\//.exec(text)?.[1]?.replace(/<[^>]+>/g, "").trim();
  return new StepError(`${res.status}${alert ? ` "${alert.slice(0, 80)}"` : ""}`);
}

/** The sign-in-with-code form (GET /sign-in?method=code). The same for every visitor. */
export async function loadRequestForm(client: Client): Promise<ParsedForm> {
  const page = await getPage(client, "/sign-in?method=code");
  const form = findForm(page.html, page.url, "email");
  if (form.method !== "POST") throw new Error(`the code request form uses ${form.method}, expected POST`);
  return form;
}

export type PendingFlow = { email: string; ip: string; flowCookie: string };

/** (a) Request a sign-in code; success = 303 to /sign-in/verify with the flow cookie. */
export async function requestCode(client: Client, form: ParsedForm, email: string): Promise<{ ms: number; flow: PendingFlow }> {
  const { res, text, ms } = await postForm(client, form, { email });
  const location = pathOf(res.headers.get("location"), client.origin);
  const flowCookie = setCookies(res).get(FLOW_COOKIE);
  if (res.status !== 303 || location !== "/sign-in/verify") throw unexpected(res, text, client.origin);
  if (!flowCookie) throw new StepError(`303 without a ${FLOW_COOKIE} cookie`);
  return { ms, flow: { email, ip: client.ip, flowCookie } };
}

export type ReadyVerify = { flow: PendingFlow; form: ParsedForm; code: string };

/** Untimed: the verify page of a flow (with its cookie) and the emailed code. */
export async function prepareVerify(client: Client, flow: PendingFlow, code: string): Promise<ReadyVerify> {
  const page = await getPage(client, "/sign-in/verify", `${FLOW_COOKIE}=${flow.flowCookie}`);
  const form = findForm(page.html, page.url, "code");
  if (form.method !== "POST") throw new Error(`the code form uses ${form.method}, expected POST`);
  return { flow, form, code };
}

/** (b) Verify the code; success = 303 to / with the next-auth session cookie. */
export async function verifyCode(client: Client, ready: ReadyVerify): Promise<{ ms: number }> {
  const { res, text, ms } = await postForm(client, ready.form, { code: ready.code }, `${FLOW_COOKIE}=${ready.flow.flowCookie}`);
  const location = pathOf(res.headers.get("location"), client.origin);
  if (res.status !== 303 || location !== "/") throw unexpected(res, text, client.origin);
  if (!setCookies(res).get(SESSION_COOKIE)) throw new StepError(`303 without a ${SESSION_COOKIE} cookie`);
  return { ms };
}

/** The password sign-in form (GET /sign-in). */
export async function loadPasswordForm(client: Client): Promise<ParsedForm> {
  const page = await getPage(client, "/sign-in");
  return findForm(page.html, page.url, "password");
}

/** Password sign-in; success = 303 to / with the session cookie (no second factor on bench users). */
export async function passwordSignIn(client: Client, form: ParsedForm, email: string, password: string): Promise<{ ms: number }> {
  const { res, text, ms } = await postForm(client, form, { email, password });
  const location = pathOf(res.headers.get("location"), client.origin);
  if (res.status !== 303 || location !== "/") throw unexpected(res, text, client.origin);
  if (!setCookies(res).get(SESSION_COOKIE)) throw new StepError(`303 without a ${SESSION_COOKIE} cookie`);
  return { ms };
}
