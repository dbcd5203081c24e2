import { z } from "zod";
import { allowPrivateTargets, clientId, clientIdField, clientSecret, clientSecretField, defineSocialProvider, httpsUnlessPrivate, privateTargetsField, providerUrl } from "../definition";

export const GOOGLE_ISSUER = "https://accounts.google.com";

export const googleConfigSchema = z
  .object({
    clientId,
    clientSecret,
    /** Google's issuer; changed only to point at a stand-in (tests, a proxy). @default "https://accounts.google.com" */
    issuer: providerUrl.default(GOOGLE_ISSUER),
    allowPrivateTargets: allowPrivateTargets.default(false),
  })
  .strict()
  .superRefine(httpsUnlessPrivate(["issuer"]));
export type GoogleConfig = z.infer<typeof googleConfigSchema>;

export default defineSocialProvider({
  id: "google",
  label: "Google",
  description: "Sign in with a Google account (OpenID Connect). Google says whether the address is verified.",
  configSchema: googleConfigSchema,
  fields: [
    clientIdField("Ends in `.apps.googleusercontent.com`."),
    clientSecretField("Shown when the OAuth client is created (Google Auth Platform → Clients)."),
    {
      key: "issuer",
      label: "Issuer",
      type: "url",
      default: GOOGLE_ISSUER,
      placeholder: GOOGLE_ISSUER,
      advanced: true,
      help: "Leave `https://accounts.google.com` unless you know you need another.",
    },
    privateTargetsField("the issuer"),
  ],
  scopes: ["openid", "email", "profile"],
  guide: {
    createAt: { label: "Google Cloud console → Google Auth Platform → Clients", url: "https://console.cloud.google.com/auth/clients" },
    steps: [
      "Set up the consent screen first (Branding, Audience): app name, support email, and External for any Google account or Internal for your Workspace only.",
      "Create client → Application type Web application.",
      "Authorized redirect URIs: add the callback URL below, exactly.",
      "Copy the Client ID and the Client secret.",
      "Scopes asked: `openid`, `email`, `profile` (no verification by Google needed for these).",
    ],
  },
});
