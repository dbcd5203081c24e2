import { z } from "zod";
import { allowPrivateTargets, allowPrivateTargetsField, baseUrl, requiredText } from "@/lib/connectors/schema-parts";
import type { ConnectorField } from "@/lib/connectors/types";
import type { SocialProviderId } from "./types";

/**
 * One kind of social provider: what the console asks for (the same field
 * model as the email connectors, so the same form, sealing and "leave blank
 * to keep" apply), how a config is checked, which scopes are asked, and the
 * guide shown beside the form. Secrets are the fields with `secret: true`,
 * listed there and nowhere else.
 */
export type SocialProviderDefinition<Schema extends z.ZodType = z.ZodType> = {
  id: SocialProviderId;
  label: string;
  description: string;
  configSchema: Schema;
  fields: readonly ConnectorField[];
  /** What the sign-in asks for, as sent in the authorization request's `scope`. */
  scopes: readonly string[];
  guide: {
    /** Where the operator creates the app (an OAuth app, an app registration, a client). */
    createAt: { label: string; url: string };
    /** Steps in plain text; `backticks` mark values to copy. The callback URL is shown separately. */
    steps: readonly string[];
  };
};

export function defineSocialProvider<Schema extends z.ZodType>(def: SocialProviderDefinition<Schema>) {
  return def;
}

// A client id or secret as a provider's console shows it: printable, no spaces (a pasted newline is trimmed away).
const PRINTABLE = /^[\x21-\x7e]+$/;
const credential = (max: number) =>
  z.string({ error: requiredText }).trim().min(1, "is required").max(max).regex(PRINTABLE, "must be pasted exactly as shown, without spaces");

export const clientId = credential(512);
export const clientSecret = credential(2048);
export { allowPrivateTargets };

/**
 * An issuer or base URL: http(s), no credentials, query or fragment, no
 * trailing slash (an issuer is compared character by character with the
 * discovery document's).
 */
export const providerUrl = baseUrl.transform((url) => url.replace(/\/+$/, ""));

/**
 * https only, unless the connector allows private targets (a provider on
 * the operator's own network, or a test provider on loopback): an issuer
 * reached over plain http could be impersonated by anyone on the path.
 */
export function httpsUnlessPrivate(keys: readonly string[]) {
  return (config: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (config.allowPrivateTargets === true) return;
    for (const key of keys) {
      const value = config[key];
      if (typeof value === "string" && value.startsWith("http://")) {
        ctx.addIssue({ code: "custom", path: [key], message: 'must start with https:// (http:// only with "Allow private network targets")' });
      }
    }
  };
}

export const clientIdField = (help: string): ConnectorField => ({ key: "clientId", label: "Client ID", type: "text", required: true, help });
export const clientSecretField = (help: string): ConnectorField => ({ key: "clientSecret", label: "Client secret", type: "password", secret: true, required: true, help });
export const privateTargetsField = (target: string): ConnectorField => allowPrivateTargetsField(target);
