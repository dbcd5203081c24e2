import { z } from "zod";
import { allowPrivateTargets, allowPrivateTargetsField, apiKey, baseUrl, baseUrlField, timeoutField, timeoutMs } from "../schema-parts";
import type { ConnectorField } from "../types";

/** Global accounts and subusers. EU regional subusers use `https://api.eu.sendgrid.com`. */
export const SENDGRID_API_BASE = "https://api.sendgrid.com";

/**
 * SendGrid settings. The sender is not part of it: it comes with each
 * message and must be a verified Sender Identity (single sender or an
 * authenticated domain) of the account the key belongs to.
 */
export const sendgridConfigSchema = z
  .object({
    apiKey: apiKey(),
    /** Validate the request without delivering anything. @default false */
    sandboxMode: z.boolean().optional(),
    /** @default SENDGRID_API_BASE */
    baseUrl: baseUrl.optional(),
    /** Lets the base URL be a private, loopback or link-local address. @default false */
    allowPrivateTargets: allowPrivateTargets.optional(),
    /** Milliseconds for the whole request. @default 10000 */
    timeoutMs: timeoutMs.optional(),
  })
  .strict();

export type SendgridConfig = z.infer<typeof sendgridConfigSchema>;

export const sendgridFields: readonly ConnectorField[] = [
  {
    key: "apiKey",
    label: "API key",
    type: "password",
    secret: true,
    required: true,
    placeholder: "SG.xxxxxxxx.xxxxxxxx",
    help: "Settings → API Keys → Create API Key → Restricted Access, with only Mail Send set to Full Access.",
  },
  {
    key: "sandboxMode",
    label: "Sandbox mode",
    type: "checkbox",
    default: false,
    help: "SendGrid checks each request and delivers nothing. For trying the set-up only: nobody receives their code.",
  },
  baseUrlField({
    label: "API base URL",
    default: SENDGRID_API_BASE,
    placeholder: SENDGRID_API_BASE,
    help: "EU regional subusers: https://api.eu.sendgrid.com.",
  }),
  allowPrivateTargetsField("the API base URL"),
  timeoutField("SendGrid"),
];
