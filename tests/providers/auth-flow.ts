import { Auth, type AuthConfig } from "@auth/core";
import type { Provider } from "@auth/core/providers";

/**
 * One social sign-in run end to end, without a browser: next-auth's own
 * request handler (Auth from @auth/core, what next-auth's route runs) in
 * this process, the test provider over real HTTP, and a cookie jar per
 * origin between them. For tests of the provider configs themselves; the
 * app's callback handling is tested through the app.
 */
const APP = "http://127.0.0.1:3000";

type Jar = Map<string, Map<string, string>>;

function remember(jar: Jar, url: URL, response: Response) {
  const cookies = jar.get(url.origin) ?? new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0]!;
    const eq = pair.indexOf("=");
    const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(line);
    if (expired) cookies.delete(pair.slice(0, eq));
    else cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  jar.set(url.origin, cookies);
}

const cookieHeader = (jar: Jar, url: URL) => [...(jar.get(url.origin) ?? [])].map(([k, v]) => `${k}=${v}`).join("; ");

export type FlowOutcome = {
  /** What next-auth handed the signIn callback, or null when it never called it. */
  signIn: { profile: Record<string, unknown>; account: Record<string, unknown>; user: Record<string, unknown> } | null;
  /** Where the run ended: next-auth's last redirect (an error page has `error=`). */
  finalUrl: string;
  /** Where next-auth sent the browser first: the provider's authorization URL with its checks (state, PKCE, nonce). */
  authorizationUrl: string;
};

export type ProviderAnswer = { action: "login" | "authorize" | "deny"; login?: string };

/**
 * Signs in through `provider` and answers the provider's login or consent
 * page with `answer` (its form is posted as a browser would).
 */
export async function runSocialSignIn(provider: Provider, providerId: string, answer: ProviderAnswer): Promise<FlowOutcome> {
  let outcome: FlowOutcome["signIn"] = null;
  const config: AuthConfig = {
    providers: [provider],
    secret: "flow-test-secret-flow-test-secret-0123456789",
    trustHost: true,
    basePath: "/api/auth",
    session: { strategy: "jwt" },
    // A denied or failed callback is an expected outcome here, seen in finalUrl: not worth a stack trace in the test log.
    logger: { error: () => undefined },
    callbacks: {
      signIn: ({ profile, account, user }) => {
        outcome = { profile: { ...profile }, account: { ...account }, user: { ...user } };
        return true;
      },
    },
  };
  const jar: Jar = new Map();
  const go = async (target: string, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(target, APP);
    const headers = new Headers(init.headers);
    const cookie = cookieHeader(jar, url);
    if (cookie) headers.set("cookie", cookie);
    const response = url.origin === APP ? await Auth(new Request(url, { ...init, headers }), config) : await fetch(url, { ...init, headers, redirect: "manual" });
    remember(jar, url, response);
    return response;
  };

  const { csrfToken } = (await (await go("/api/auth/csrf")).json()) as { csrfToken: string };
  let response = await go(`/api/auth/signin/${providerId}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${APP}/` }),
  });
  let location = response.headers.get("location") ?? "";
  const authorizationUrl = location;
  for (let hop = 0; hop < 12 && location; hop++) {
    const url = new URL(location, APP);
    if (url.origin === APP && !url.pathname.startsWith("/api/auth/callback/")) break;
    response = await go(url.href);
    if (response.status === 200 && (response.headers.get("content-type") ?? "").includes("text/html")) {
      response = await submitPage(go, url, await response.text(), answer);
    }
    const next = response.headers.get("location");
    if (!next) break;
    location = new URL(next, url).href;
  }
  return { signIn: outcome, finalUrl: location, authorizationUrl };
}

/** Posts the provider page's form as a browser would: its hidden fields, the login name, the chosen button. */
async function submitPage(go: (target: string, init?: RequestInit) => Promise<Response>, page: URL, html: string, answer: ProviderAnswer): Promise<Response> {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? page.href;
  const fields = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.set(unescape(name!), unescape(value!));
  fields.set("login", answer.login ?? "");
  fields.set("password", "any");
  fields.set("action", answer.action === "deny" ? "deny" : html.includes('value="authorize"') ? "authorize" : "login");
  return go(new URL(unescape(action), page).href, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: fields });
}

const unescape = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, "&");
