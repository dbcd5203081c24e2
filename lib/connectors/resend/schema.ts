import { z } from "zod";
import { allowPrivateTargets, allowPrivateTargetsField, apiKey, baseUrl, baseUrlField, timeoutField, timeoutMs } from "../schema-parts";
import type { ConnectorField } from "../types";

/** One API address for every account; the sending region is a property of each domain. */
export const RESEND_API_BASE = "https://api.resend.com";

/**
 * Resend settings. The sender is not part of it: it comes with each message
 * and must be an address on a domain verified in Resend.
 */
export const resendConfigSchema = z
  .object({
    apiKey: apiKey(),
    /** @default RESEND_API_BASE */
    baseUrl: baseUrl.optional(),
    /** Lets the base URL be a private, loopback or link-local address. @default false */
    allowPrivateTargets: allowPrivateTargets.optional(),
    /** Milliseconds for the whole request. @default 10000 */
    timeoutMs: timeoutMs.optional(),
  })
  .strict();

export type ResendConfig = z.infer<typeof resendConfigSchema>;

export const resendFields: readonly ConnectorField[] = [
  {
    key: "apiKey",
    label: "API key",
    type: "password",
    secret: true,
    required: true,
    placeholder: "re_xxxxxxxx",
    help: "API Keys → Create API Key with permission \"Sending access\", limited to your sending domain.",
  },
  baseUrlField({
    label: "API base URL",
    default: RESEND_API_BASE,
    placeholder: RESEND_API_BASE,
    help: "Only for a proxy: Resend has a single API address.",
  }),
  allowPrivateTargetsField("the API base URL"),
  timeoutField("Resend"),
];
