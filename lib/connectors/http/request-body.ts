import { checkExtraHeaders, checkRecipient, isEmailAddress, sanitizeHeaderText } from "../address";
import { ConnectorError, type OutboundMessage } from "../types";

/**
 * The JSON Mailgate POSTs. Documented field by field in README.md; receivers
 * depend on it, so a change here is a breaking change for them.
 */
export type HttpRequestBody = {
  to: string;
  from: { name?: string; address: string };
  replyTo?: string;
  /** The purpose (`SignIn`, `ForgotPassword`…), `Generic` when the message says none. */
  type: string;
  payload: Record<string, string | number> & { locale?: string; subject: string; html: string; text: string };
  /** Extra mail headers the message asks for (`List-Unsubscribe`…), when any. */
  headers?: Record<string, string>;
  /** The address of the person whose request caused the email, when known. */
  ip?: string;
};

export function buildRequestBody(message: OutboundMessage): HttpRequestBody {
  const to = checkRecipient(message.to);
  const fromAddress = message.from.address.trim();
  if (!isEmailAddress(fromAddress)) {
    throw new ConnectorError("invalid_config", `The sender address "${sanitizeHeaderText(fromAddress)}" is not a valid email address.`);
  }
  const replyTo = message.replyTo?.trim();
  if (replyTo && !isEmailAddress(replyTo)) {
    throw new ConnectorError("invalid_config", `The reply-to address "${sanitizeHeaderText(replyTo)}" is not a valid email address.`);
  }
  const headers = checkExtraHeaders(message.headers);
  const fromName = message.from.name ? sanitizeHeaderText(message.from.name) : "";
  const context = message.context;

  return {
    to,
    from: fromName ? { name: fromName, address: fromAddress } : { address: fromAddress },
    ...(replyTo ? { replyTo } : {}),
    type: context?.type || "Generic",
    payload: {
      ...context?.variables,
      ...(context ? { locale: context.locale } : {}),
      // Last, so a template variable can never replace what was rendered.
      subject: sanitizeHeaderText(message.subject),
      html: message.html,
      text: message.text,
    },
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(context?.ip ? { ip: context.ip } : {}),
  };
}
