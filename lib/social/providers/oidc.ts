import { z } from "zod";
import { allowPrivateTargets, clientId, clientIdField, clientSecret, clientSecretField, defineSocialProvider, httpsUnlessPrivate, privateTargetsField, providerUrl } from "../definition";

export const oidcConfigSchema = z
  .object({
    /** The issuer identifier; its discovery document is `<issuer>/.well-known/openid-configuration`. */
    issuer: providerUrl,
    clientId,
    clientSecret,
    allowPrivateTargets: allowPrivateTargets.default(false),
  })
  .strict()
  .superRefine(httpsUnlessPrivate(["issuer"]));
export type OidcConfig = z.infer<typeof oidcConfigSchema>;

export default defineSocialProvider({
  id: "oidc",
  label: "OpenID Connect",
  description: "Any OpenID Connect provider (Keycloak, Okta, Auth0, Authentik, Zitadel…), found by its issuer URL.",
  configSchema: oidcConfigSchema,
  fields: [
    {
      key: "issuer",
      label: "Issuer URL",
      type: "url",
      required: true,
      placeholder: "https://id.example.com/realms/acme",
      help: "The provider's issuer: `<issuer>/.well-known/openid-configuration` must answer with its discovery document, whose `issuer` is this URL.",
    },
    clientIdField("From the client (application) you create at the provider."),
    clientSecretField("The client's secret; the client must authenticate at the token endpoint with it (client_secret_basic)."),
    privateTargetsField("the issuer and the endpoints its discovery document names"),
  ],
  scopes: ["openid", "email", "profile"],
  guide: {
    createAt: { label: "Your provider's admin console (clients or applications)", url: "https://openid.net/developers/certified-openid-connect-implementations/" },
    steps: [
      "Create a confidential client (web application) using the authorization code flow.",
      "Redirect URI: the callback URL below, exactly.",
      "Allow the scopes `openid`, `email` and `profile`. Mailgate sends PKCE (S256), state and nonce.",
      "Copy the issuer URL, client ID and client secret. An address counts as verified only when the provider sends `email_verified: true`.",
    ],
  },
});
