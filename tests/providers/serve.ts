// The test social providers as one process, for Playwright's webServer
// (playwright.config.ts): the OpenID Connect server (plain, Google- and
// Entra-shaped issuers) on PORTS.oidc and the GitHub server on PORTS.github,
// both on 127.0.0.1. Specs register their clients over HTTP
// (registerOidcClient, registerGitHubClient; e2e/social-connectors.ts).
import { PORTS } from "../../e2e/ports";
import { startGitHubServer } from "./github";
import { startOidcServer } from "./oidc";

const github = await startGitHubServer({ port: PORTS.github });
const oidc = await startOidcServer({ port: PORTS.oidc });
console.log(`test providers: OpenID Connect at ${oidc.origin}, GitHub at ${github.origin}`);

const stop = () => void Promise.all([github.close(), oidc.close()]).then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
