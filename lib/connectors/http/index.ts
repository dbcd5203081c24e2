import { redact } from "../provider-fetch";
import { ConnectorError, defineConnector } from "../types";
import { postToEndpoint } from "./post";
import { buildRequestBody } from "./request-body";
import { acceptedMessageId, responseError } from "./response";
import { httpConfigSchema, httpFields, type HttpConfig } from "./schema";
import { SIGNATURE_HEADER, signRequest, TIMESTAMP_HEADER } from "./signature";

/**
 * POSTs each message as signed JSON to the operator's own endpoint, which
 * sends the email: for fixed egress IPs, an in-house mail service, or a
 * gateway that renders its own templates. See README.md for the contract.
 */
export default defineConnector({
  id: "http",
  label: "HTTP endpoint",
  description: "POSTs each email as signed JSON to your own service, which sends it (fixed IP addresses, your own mail service or gateway).",
  configSchema: httpConfigSchema,
  fields: httpFields,
  async send(config, message, options) {
    const body = JSON.stringify(buildRequestBody(message));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      Accept: "application/json",
      "User-Agent": "Mailgate",
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signRequest(config.signingSecret, timestamp, body),
    };
    if (config.authorization) headers.Authorization = config.authorization;
    if (message.idempotencyKey) headers["Idempotency-Key"] = message.idempotencyKey;

    try {
      const response = await postToEndpoint(config.endpoint, {
        body,
        headers,
        timeoutMs: config.timeoutMs,
        allowPrivateTargets: config.allowPrivateTargets,
      }, options?.keepAlive);
      if (response.status >= 200 && response.status < 300) {
        return { messageId: acceptedMessageId(response, message.idempotencyKey) };
      }
      throw responseError(response);
    } catch (error) {
      throw withoutSecrets(error, config);
    }
  },
});

/** The receiver's text ends up in the error; it may quote back what it was sent. */
function withoutSecrets(error: unknown, config: HttpConfig): unknown {
  if (!(error instanceof ConnectorError)) return error;
  const token = config.authorization?.replace(/^\S+\s+/, "");
  const message = redact(error.message, [config.authorization, token, config.signingSecret]);
  if (message === error.message) return error;
  return new ConnectorError(error.code, message, { cause: error.cause, retryAfterSeconds: error.retryAfterSeconds });
}
