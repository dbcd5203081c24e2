import type { IncomingMessage, ServerResponse } from "node:http";
import type { Provider } from "oidc-provider";
import { subjectOf } from "./oidc-accounts";

/**
 * The test provider's own login page (oidc-provider's dev pages load a web
 * font from the internet): a login name (which picks the account, see
 * oidc-accounts.ts), any password, "Sign in" or "Deny". Consent is given
 * at once for every scope asked, as a provider does for an app the person
 * already approved. `logins` maps each subject to the login name it came from.
 */
export async function interactionPage(provider: Provider, req: IncomingMessage, res: ServerResponse, logins: Map<string, string>): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params } = details;
  if (req.method === "POST") {
    const form = (await readForm(req, "form")) as URLSearchParams;
    if (form.get("action") === "deny") {
      await provider.interactionFinished(req, res, { error: "access_denied", error_description: "The person denied the request." }, { mergeWithLastSubmission: false });
      return;
    }
    const login = (form.get("login") ?? "").trim();
    if (!login) return page(res, loginForm(uid, String(params.client_id), "Enter a login name."));
    logins.set(subjectOf(login), login);
    await provider.interactionFinished(req, res, { login: { accountId: subjectOf(login) } }, { mergeWithLastSubmission: false });
    return;
  }
  if (prompt.name === "consent") {
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session!.accountId, clientId: String(params.client_id) });
    if (!grant) throw new Error("grant not found");
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    return;
  }
  page(res, loginForm(uid, String(params.client_id)));
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginForm(uid: string, clientId: string, error?: string): string {
  return `<form method="post" action="${escape(uid)}">
  <h1>Test provider: sign in to ${escape(clientId)}</h1>
  ${error ? `<p role="alert">${escape(error)}</p>` : ""}
  <label>Login name <input name="login" autofocus autocomplete="off"></label>
  <label>Password <input name="password" type="password" value="any"></label>
  <button type="submit" name="action" value="login">Sign in</button>
  <button type="submit" name="action" value="deny">Deny</button>
</form>`;
}

function page(res: ServerResponse, body: string): void {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider</title></head><body>${body}</body></html>`);
}

/** The request body as a form, or as raw text. */
export async function readForm(req: IncomingMessage, as: "form" | "raw"): Promise<URLSearchParams | string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return as === "form" ? new URLSearchParams(text) : text;
}
