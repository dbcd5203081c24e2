import { z } from "zod";
import { allowPrivateTargets, clientId, clientIdField, clientSecret, clientSecretField, defineSocialProvider, httpsUnlessPrivate, privateTargetsField, providerUrl } from "../definition";

export const GITHUB_DOT_COM = "https://github.com";

export const githubConfigSchema = z
  .object({
    clientId,
    clientSecret,
    /** github.com, or a GitHub Enterprise Server's address (its API is at `<base>/api/v3`). @default "https://github.com" */
    baseUrl: providerUrl.default(GITHUB_DOT_COM),
    allowPrivateTargets: allowPrivateTargets.default(false),
  })
  .strict()
  .superRefine(httpsUnlessPrivate(["baseUrl"]));
export type GitHubConfig = z.infer<typeof githubConfigSchema>;

/** github.com's API lives on its own host; GitHub Enterprise Server's under `/api/v3`. */
export const githubApiBase = (config: Pick<GitHubConfig, "baseUrl">) => (config.baseUrl === GITHUB_DOT_COM ? "https://api.github.com" : `${config.baseUrl}/api/v3`);

export default defineSocialProvider({
  id: "github",
  label: "GitHub",
  description: "OAuth app on github.com or GitHub Enterprise Server. Signs in with the account's primary verified address.",
  configSchema: githubConfigSchema,
  fields: [
    clientIdField("From the OAuth app's page, e.g. `Ov23li…`."),
    clientSecretField("Generate a new client secret on the OAuth app's page and paste it here; GitHub shows it only once."),
    {
      key: "baseUrl",
      label: "GitHub Enterprise Server URL",
      type: "url",
      default: GITHUB_DOT_COM,
      placeholder: GITHUB_DOT_COM,
      advanced: true,
      help: "Leave `https://github.com` for github.com; for GitHub Enterprise Server, its address (the API is then at `/api/v3`).",
    },
    privateTargetsField("the GitHub Enterprise Server URL"),
  ],
  // read:user for the profile, user:email for /user/emails (the only place GitHub says whether an address is verified).
  scopes: ["read:user", "user:email"],
  guide: {
    createAt: { label: "GitHub → Settings → Developer settings → OAuth Apps", url: "https://github.com/settings/developers" },
    steps: [
      "Choose New OAuth App (for an organization: the organization's Settings → Developer settings → OAuth Apps).",
      "Homepage URL: this app's address. Authorization callback URL: the callback URL below, exactly.",
      "Register the application, copy the Client ID, then Generate a new client secret and copy it.",
      "The app asks for `read:user` and `user:email`: GitHub then tells Mailgate which address is the account's primary one and whether it is verified. An account without a verified primary address signs in without an address.",
    ],
  },
});
