import "server-only";
import { apiError, json, readLimited } from "@/lib/api/response";
import { describeFault, isDatabaseUnavailable } from "@/lib/db-unavailable";
import type { ErrorCode } from "@/lib/errors/codes";
import { BODY_LIMIT_BYTES } from "@/lib/security/request-guard";
import { applyEvents, claimNonce } from "./apply";
import { WEBHOOK_RECEIVERS, type WebhookProvider } from "./registry";
import { loadEndpointSettings } from "./store";
import { isWebhookProviderId, type WebhookProviderId } from "./types";

/**
 * POST /api/webhooks/<provider> (app/api/webhooks/[provider]/route.ts): a
 * provider's report on messages we handed it. Nothing about the request is
 * trusted until the provider's module verified it; no session and no
 * Origin are involved (the front door, lib/server/front-door.ts, lets these through its cross-site check).
 * Answers: 200 once the events are applied (or were before), 404 for a
 * provider that is unknown or not set up, 401 for a failed check, 400 for a
 * body not in the provider's format, 413 over 1 MB, 503 while the database
 * is down (the provider retries), and 500 only for a bug.
 */
export const WEBHOOK_BODY_LIMIT_BYTES = BODY_LIMIT_BYTES;

const refusal = (code: ErrorCode, headers: Record<string, string> = {}) => {
  const response = apiError(code);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
};

export async function receiveWebhook(request: Request, provider: string, now: Date = new Date()): Promise<Response> {
  if (request.method !== "POST") return refusal("method_not_allowed", { Allow: "POST" });
  try {
    return isWebhookProviderId(provider) ? await receive(provider, request, now) : refusal("webhook_not_configured");
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error(`Webhooks (${provider}): database unavailable:`, describeFault(error));
      return refusal("database_unavailable");
    }
    console.error(`Webhooks (${provider}):`, error);
    return refusal("internal_error");
  }
}

async function receive<P extends WebhookProviderId>(id: P, request: Request, now: Date): Promise<Response> {
  const receiver: WebhookProvider<P> | undefined = WEBHOOK_RECEIVERS[id];
  const settings = receiver ? await loadEndpointSettings(id) : null;
  if (!receiver || !settings) return refusal("webhook_not_configured");
  const tooLarge = () => refusal("payload_too_large");
  if (Number(request.headers.get("content-length") ?? 0) > WEBHOOK_BODY_LIMIT_BYTES) return tooLarge();
  const body = await readLimited(request, WEBHOOK_BODY_LIMIT_BYTES);
  if (body === null) return tooLarge();
  const verdict = await receiver.receive({ method: request.method, url: new URL(request.url), headers: request.headers, body }, settings, now);
  if (!verdict.ok) {
    warnRefused(id, verdict.code, now);
    return refusal(verdict.code, verdict.headers);
  }
  if (verdict.nonce !== undefined && !(await claimNonce(id, verdict.nonce, verdict.events, now))) {
    warnRefused(id, "webhook_signature_invalid (a signature used before for other events)", now);
    return refusal("webhook_signature_invalid");
  }
  const { applied, duplicates } = await applyEvents(id, verdict.type, verdict.events, now);
  return json({ received: verdict.events.length, applied, duplicates });
}

/**
 * For the operator who pasted the wrong key (the answer itself says no more
 * than the code): one line a minute per provider and reason, with how many
 * were refused since, so a flood of forged requests cannot flood the log.
 */
const WARN_EVERY_MS = 60_000;
const refusedSince = new Map<string, { at: number; count: number }>();

function warnRefused(provider: WebhookProviderId, reason: string, now: Date): void {
  const key = `${provider} ${reason}`;
  const last = refusedSince.get(key);
  if (last && now.getTime() - last.at < WARN_EVERY_MS) {
    last.count += 1;
    return;
  }
  const more = last && last.count > 0 ? ` (and ${last.count} more since the last report)` : "";
  console.warn(`Webhooks (${provider}): refused a request: ${reason}${more}`);
  refusedSince.set(key, { at: now.getTime(), count: 0 });
}
