import { z } from "zod";
import { allowPrivateTargets, allowPrivateTargetsField, baseUrl, baseUrlField, printable, timeoutField, timeoutMs } from "../schema-parts";
import type { ConnectorField } from "../types";

/**
 * DirectMail's public API endpoints by region. Sender addresses, domains and
 * quotas belong to one region; the endpoint must be the console's region.
 */
export const ALIYUN_REGIONS = ["cn-hangzhou", "ap-southeast-1", "ap-southeast-2", "us-east-1", "eu-central-1"] as const;
export type AliyunRegion = (typeof ALIYUN_REGIONS)[number];

export const ALIYUN_ENDPOINTS: Record<AliyunRegion, string> = {
  "cn-hangzhou": "https://dm.aliyuncs.com",
  "ap-southeast-1": "https://dm.ap-southeast-1.aliyuncs.com",
  "ap-southeast-2": "https://dm.ap-southeast-2.aliyuncs.com",
  "us-east-1": "https://dm.us-east-1.aliyuncs.com",
  "eu-central-1": "https://dm.eu-central-1.aliyuncs.com",
};

/**
 * Aliyun DirectMail settings. The sender is not part of it: it comes with
 * each message and must be a sender address created in the DirectMail console
 * (of this region) on a verified domain.
 */
export const aliyunConfigSchema = z
  .object({
    /** AccessKey ID of a RAM user allowed to call dm:SingleSendMail. */
    accessKeyId: printable(128),
    accessKeySecret: printable(256),
    /** The region the DirectMail console shows. @default "cn-hangzhou" */
    region: z.enum(ALIYUN_REGIONS).optional(),
    /** A tag created in the DirectMail console, to find these emails in its statistics. */
    tagName: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_]{1,128}$/, "must be a tag name from the DirectMail console: letters, digits and _")
      .optional(),
    /** ReplyToAddress=true: use the reply-to address verified for the sender in the console. @default false */
    useConsoleReplyTo: z.boolean().optional(),
    /** Overrides the region's endpoint (a VPC endpoint, a proxy, tests). */
    baseUrl: baseUrl.optional(),
    /** Lets the base URL be a private, loopback or link-local address. @default false */
    allowPrivateTargets: allowPrivateTargets.optional(),
    /** Milliseconds for the whole request. @default 10000 */
    timeoutMs: timeoutMs.optional(),
  })
  .strict();

export type AliyunConfig = z.infer<typeof aliyunConfigSchema>;

export const aliyunFields: readonly ConnectorField[] = [
  {
    key: "accessKeyId",
    label: "AccessKey ID",
    type: "text",
    required: true,
    placeholder: "LTAI…",
    help: "Of a RAM user that may only send mail (dm:SingleSendMail), never of the main account.",
  },
  {
    key: "accessKeySecret",
    label: "AccessKey secret",
    type: "password",
    secret: true,
    required: true,
    help: "Shown once when the AccessKey is created. Stored encrypted, never displayed again.",
  },
  {
    key: "region",
    label: "Region",
    type: "select",
    default: "cn-hangzhou",
    options: [
      { value: "cn-hangzhou", label: "China (Hangzhou) — dm.aliyuncs.com" },
      { value: "ap-southeast-1", label: "Singapore — dm.ap-southeast-1.aliyuncs.com" },
      { value: "ap-southeast-2", label: "ap-southeast-2 (Sydney, now US) — dm.ap-southeast-2.aliyuncs.com" },
      { value: "us-east-1", label: "US (Virginia) — dm.us-east-1.aliyuncs.com" },
      { value: "eu-central-1", label: "Germany (Frankfurt) — dm.eu-central-1.aliyuncs.com" },
    ],
    help: "The region selected in the DirectMail console where the sender address was created.",
  },
  {
    key: "tagName",
    label: "Email tag",
    type: "text",
    placeholder: "signin",
    help: "Optional. A tag created under Email Settings → Email Tags, to tell these emails apart in the statistics.",
  },
  {
    key: "useConsoleReplyTo",
    label: "Use the console's reply-to address",
    type: "checkbox",
    default: false,
    help: "Replies go to the reply-to address verified for the sender in DirectMail. Ignored for a message that has its own reply-to.",
  },
  baseUrlField({
    label: "Endpoint URL",
    placeholder: ALIYUN_ENDPOINTS["cn-hangzhou"],
    help: "Leave empty to use the region's public endpoint. Set it for a VPC endpoint (dm-vpc.<region>.aliyuncs.com) or a proxy.",
  }),
  allowPrivateTargetsField("the endpoint URL"),
  timeoutField("DirectMail"),
];
