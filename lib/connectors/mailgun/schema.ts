import { z } from "zod";
import { allowPrivateTargets, allowPrivateTargetsField, apiKey, baseUrl, baseUrlField, requiredText, timeoutField, timeoutMs } from "../schema-parts";
import type { ConnectorField } from "../types";

/** A domain lives in one region; the API of the other region does not know it. */
export const MAILGUN_REGIONS = ["us", "eu"] as const;
export type MailgunRegion = (typeof MAILGUN_REGIONS)[number];

export const MAILGUN_API_BASES: Record<MailgunRegion, string> = {
  us: "https://api.mailgun.net",
  eu: "https://api.eu.mailgun.net",
};

// At least two labels: `mg.example.com`, `sandbox123.mailgun.org`. No scheme, port, path or `@`.
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Mailgun settings. The sender is not part of it: it comes with each message
 * and should be an address on `domain` (Mailgun signs with that domain's DKIM key).
 */
export const mailgunConfigSchema = z
  .object({
    apiKey: apiKey(),
    /** The sending domain as added in Mailgun, e.g. `mg.example.com`. */
    domain: z
      .string({ error: requiredText })
      .trim()
      .toLowerCase()
      .min(1, "is required")
      .regex(DOMAIN, "must be a domain name such as mg.example.com, without https:// or a path"),
    /** Where the domain was created. Ignored when `baseUrl` is set. @default "us" */
    region: z.enum(MAILGUN_REGIONS).optional(),
    /** `o:testmode`: Mailgun accepts the message and drops it. @default false */
    testMode: z.boolean().optional(),
    /** Overrides the region's API base (a proxy, tests). */
    baseUrl: baseUrl.optional(),
    /** Lets the base URL be a private, loopback or link-local address. @default false */
    allowPrivateTargets: allowPrivateTargets.optional(),
    /** Milliseconds for the whole request. @default 10000 */
    timeoutMs: timeoutMs.optional(),
  })
  .strict();

export type MailgunConfig = z.infer<typeof mailgunConfigSchema>;

export const mailgunFields: readonly ConnectorField[] = [
  {
    key: "apiKey",
    label: "API key",
    type: "password",
    secret: true,
    required: true,
    placeholder: "key-… or a Domain Sending Key",
    help: "Preferably a Domain Sending Key (Sending → Domain settings → Sending keys): it can only send, and only for this domain.",
  },
  {
    key: "domain",
    label: "Sending domain",
    type: "text",
    required: true,
    placeholder: "mg.example.com",
    help: "The domain exactly as listed under Sending → Domains. The From address should use it.",
  },
  {
    key: "region",
    label: "Region",
    type: "select",
    default: "us",
    options: [
      { value: "us", label: "US (api.mailgun.net)" },
      { value: "eu", label: "EU (api.eu.mailgun.net)" },
    ],
    help: "The region the domain was created in; it cannot be changed later.",
  },
  {
    key: "testMode",
    label: "Test mode",
    type: "checkbox",
    default: false,
    help: "Mailgun accepts each message and delivers nothing (still counted on your plan). For trying the set-up only.",
  },
  baseUrlField({
    label: "API base URL",
    placeholder: MAILGUN_API_BASES.us,
    help: "Leave empty to use the region's address. Set it only for a proxy.",
  }),
  allowPrivateTargetsField("the API base URL"),
  timeoutField("Mailgun"),
];
