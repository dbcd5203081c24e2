import { guardedDispatcher } from "@/lib/connectors/net/pinned-dispatcher";
import { apiGuard, networkError, PROVIDER_TIMEOUT_MS } from "@/lib/connectors/provider-fetch";
import { ConnectorError } from "@/lib/connectors/types";

/**
 * The fetch every request to a social provider goes through: discovery,
 * token, userinfo, JWKS, GitHub's API, and the console's test. Given to
 * next-auth as the provider's `[customFetch]`, so oauth4webapi's requests
 * take it too. Each URL's host is resolved once and checked by the email
 * connectors' SSRF guard (lib/connectors/net/guard.ts): private, loopback
 * and link-local addresses are refused unless the connector allows them,
 * and the connection goes only to the checked addresses. Redirects are not
 * followed (a 3xx is returned as is, which the OAuth client treats as an
 * error), so a provider cannot bounce a request to a host nobody checked.
 */
export type SocialTarget = {
  /** The provider's name for messages: the connector's label ("Acme SSO"). */
  provider: string;
  allowPrivateTargets: boolean;
  timeoutMs?: number;
};

/** Larger answers are refused: a discovery document, a token or a profile is a few KB. */
export const MAX_PROVIDER_RESPONSE_BYTES = 1_000_000;

export function guardedFetch(target: SocialTarget): typeof fetch {
  const timeoutMs = target.timeoutMs ?? PROVIDER_TIMEOUT_MS;
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : null;
    const url = request ? request.url : String(input);
    const guard = apiGuard(target.provider, { allowPrivateTargets: target.allowPrivateTargets, timeoutMs, what: target.provider, check: "the issuer or base URL" });
    if (!/^https?:$/.test(new URL(url).protocol)) throw new ConnectorError("invalid_config", `${target.provider}: only http(s) URLs can be fetched (${hostOf(url)}).`);
    const dispatcher = await guardedDispatcher(url, guard);
    const signal = init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(url, {
        method: request?.method ?? init?.method,
        headers: request?.headers ?? init?.headers,
        body: request ? await request.arrayBuffer() : init?.body,
        redirect: "manual",
        signal,
        dispatcher,
      } as RequestInit);
      // Read here, so the one-off connection can be closed before the caller parses it.
      const body = await readLimited(response, target.provider);
      const empty = response.status === 204 || response.status === 304;
      // The body is already decoded: its original encoding and length no longer describe it.
      const headers = new Headers(response.headers);
      headers.delete("content-encoding");
      headers.delete("content-length");
      return new Response(empty ? null : body, { status: response.status, statusText: response.statusText, headers });
    } catch (error) {
      if (error instanceof ConnectorError) throw error;
      throw networkError(target.provider, url, error, timeoutMs);
    } finally {
      void dispatcher.close().catch(() => undefined);
    }
  };
}

async function readLimited(response: Response, provider: string): Promise<ArrayBuffer> {
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_PROVIDER_RESPONSE_BYTES) throw tooLarge(provider);
  const buffer = await response.arrayBuffer();
  if (buffer.byteLength > MAX_PROVIDER_RESPONSE_BYTES) throw tooLarge(provider);
  return buffer;
}

const tooLarge = (provider: string) => new ConnectorError("provider_error", `${provider} answered with more than ${MAX_PROVIDER_RESPONSE_BYTES / 1_000_000} MB.`);

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "an invalid URL";
  }
}
