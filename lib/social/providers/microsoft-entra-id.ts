import { z } from "zod";
import { allowPrivateTargets, clientId, clientIdField, clientSecret, clientSecretField, defineSocialProvider, httpsUnlessPrivate, privateTargetsField, providerUrl } from "../definition";

export const ENTRA_AUTHORITY = "https://login.microsoftonline.com";

/** A tenant id (GUID), a verified domain, or one of Microsoft's multi-tenant names. */
const TENANT = /^(common|organizations|consumers|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i;

export const entraConfigSchema = z
  .object({
    clientId,
    clientSecret,
    /** @default "common" */
    tenant: z.string().trim().regex(TENANT, "must be a tenant ID, a domain such as contoso.onmicrosoft.com, or common, organizations or consumers").default("common"),
    /** The cloud's sign-in host (sovereign clouds: login.microsoftonline.us, login.partner.microsoftonline.cn). @default "https://login.microsoftonline.com" */
    authorityHost: providerUrl.default(ENTRA_AUTHORITY),
    allowPrivateTargets: allowPrivateTargets.default(false),
  })
  .strict()
  .superRefine(httpsUnlessPrivate(["authorityHost"]));
export type EntraConfig = z.infer<typeof entraConfigSchema>;

/** `https://login.microsoftonline.com/<tenant>/v2.0`: the issuer whose discovery document is read. */
export const entraIssuer = (config: Pick<EntraConfig, "authorityHost" | "tenant">) => `${config.authorityHost}/${config.tenant}/v2.0`;

export default defineSocialProvider({
  id: "microsoft-entra-id",
  label: "Microsoft Entra ID",
  description: "Work and school accounts (and personal Microsoft accounts with common or consumers), OpenID Connect v2.0.",
  configSchema: entraConfigSchema,
  fields: [
    clientIdField("Application (client) ID, from the app registration's Overview."),
    clientSecretField("Certificates & secrets → New client secret: copy its Value (not the Secret ID)."),
    {
      key: "tenant",
      label: "Tenant",
      type: "text",
      default: "common",
      placeholder: "common",
      help: "Your Directory (tenant) ID for one organization only; `organizations` for any work or school account; `common` for those and personal accounts; `consumers` for personal accounts only.",
    },
    {
      key: "authorityHost",
      label: "Authority host",
      type: "url",
      default: ENTRA_AUTHORITY,
      placeholder: ENTRA_AUTHORITY,
      advanced: true,
      help: "Leave `https://login.microsoftonline.com` unless you use a national cloud (e.g. `https://login.microsoftonline.us`).",
    },
    privateTargetsField("the authority host"),
  ],
  scopes: ["openid", "email", "profile"],
  guide: {
    createAt: { label: "Microsoft Entra admin center → App registrations", url: "https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade" },
    steps: [
      "New registration: choose who may sign in (this directory only, any organization, or also personal accounts); it must match the tenant below.",
      "Redirect URI: platform Web, the callback URL below, exactly.",
      "Certificates & secrets → New client secret; copy its Value. Note its expiry date: sign-in stops when it expires.",
      "Token configuration → Add optional claim → ID token: `email` and `xms_edov`. Entra does not verify `email`; Mailgate treats it as verified only when `xms_edov` is true (the tenant owns the address's domain).",
    ],
  },
});
