import { z } from "zod";
import { allowPrivateTargets, allowPrivateTargetsField, baseUrl, baseUrlField, printable, timeoutField, timeoutMs } from "../schema-parts";
import type { ConnectorField } from "../types";

/** `eu-west-1`, `us-gov-west-1`, `cn-north-1`…: checked by shape, so a new AWS region needs no code change. */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/**
 * Where the SDK finds credentials. `.strict()` on each branch: a key left
 * over from the other branch (keys stored with `default-chain`) is refused
 * instead of being kept, unused, in the database.
 */
export const sesCredentialsSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("access-key"),
      accessKeyId: printable(128).regex(/^[A-Z0-9]{16,128}$/, "must be an access key ID such as AKIA…"),
      secretAccessKey: printable(256),
      /** Only with temporary credentials (access key ID `ASIA…`); they expire, so prefer `default-chain`. */
      sessionToken: printable(8192).optional(),
    })
    .strict(),
  /** The SDK's default provider chain: env, shared files, SSO, ECS/EKS container or EC2 instance role. Nothing stored. */
  z.object({ type: z.literal("default-chain") }).strict(),
]);

/**
 * Amazon SES (API v2) settings. The sender is not part of it: it comes with
 * each message and must be a verified identity (address or domain) in `region`.
 */
export const sesConfigSchema = z
  .object({
    /** The region whose SES identities and sending quota are used, e.g. `eu-west-1`. */
    region: z.string().trim().toLowerCase().min(1, "is required").regex(REGION, "must be an AWS region code such as eu-west-1"),
    credentials: sesCredentialsSchema,
    /** An existing configuration set in that region (event publishing, dedicated IPs). */
    configurationSetName: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a configuration set name: letters, digits, _ and -, at most 64")
      .optional(),
    /** Overrides the regional endpoint (a VPC endpoint, a proxy, tests). */
    baseUrl: baseUrl.optional(),
    /** Lets the base URL be a private, loopback or link-local address. @default false */
    allowPrivateTargets: allowPrivateTargets.optional(),
    /** Milliseconds to connect and to get the answer. @default 10000 */
    timeoutMs: timeoutMs.optional(),
  })
  .strict();

export type SesConfig = z.infer<typeof sesConfigSchema>;

const accessKeyOnly = { key: "credentials.type", equals: "access-key" } as const;

export const sesFields: readonly ConnectorField[] = [
  {
    key: "region",
    label: "Region",
    type: "text",
    required: true,
    placeholder: "eu-west-1",
    help: "The AWS region where the sending domain is verified. Identities, sandbox status and quotas are per region.",
  },
  {
    key: "credentials.type",
    label: "Credentials",
    type: "select",
    required: true,
    default: "access-key",
    options: [
      { value: "access-key", label: "Access key of an IAM user" },
      { value: "default-chain", label: "Default AWS chain (instance / task / function role, environment)" },
    ],
    help: "On EC2, ECS, EKS or Lambda prefer the role of the machine: no key is stored here.",
  },
  {
    key: "credentials.accessKeyId",
    label: "Access key ID",
    type: "text",
    required: true,
    placeholder: "AKIA…",
    showWhen: accessKeyOnly,
    help: "Of an IAM user whose only permission is ses:SendEmail (see the guide).",
  },
  {
    key: "credentials.secretAccessKey",
    label: "Secret access key",
    type: "password",
    secret: true,
    required: true,
    showWhen: accessKeyOnly,
    help: "Shown once by IAM when the key is created. Stored encrypted, never displayed again.",
  },
  {
    key: "credentials.sessionToken",
    label: "Session token",
    type: "password",
    secret: true,
    showWhen: accessKeyOnly,
    help: "Only for temporary keys (ASIA…). They expire within hours; use them for a test, not in production.",
  },
  {
    key: "configurationSetName",
    label: "Configuration set",
    type: "text",
    placeholder: "mailgate",
    help: "Optional. An existing configuration set in this region, for bounce/complaint events or a dedicated IP pool.",
  },
  baseUrlField({
    label: "Endpoint URL",
    placeholder: "https://email.eu-west-1.amazonaws.com",
    help: "Leave empty to use the region's endpoint. Set it only for a VPC endpoint or a proxy.",
  }),
  allowPrivateTargetsField("the endpoint URL"),
  timeoutField("SES"),
];
