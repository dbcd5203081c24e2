import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formToConfig } from "@/lib/connectors/form";
import { SOCIAL_PROVIDER_IDS, socialCallbackUrl, socialProviders, socialSecretKeys } from "./registry";

/** A valid config per provider, as the console form would post it (strings, a ticked box as "on"). */
const VALID: Record<(typeof SOCIAL_PROVIDER_IDS)[number], Record<string, string>> = {
  github: { clientId: "Ov23liAbc", clientSecret: "0123456789abcdef" },
  google: { clientId: "123-abc.apps.googleusercontent.com", clientSecret: "GOCSPX-secret" },
  "microsoft-entra-id": { clientId: "11111111-2222-3333-4444-555555555555", clientSecret: "a~secret", tenant: "contoso.onmicrosoft.com" },
  oidc: { issuer: "https://id.example.com/realms/acme", clientId: "mailgate", clientSecret: "s3cret" },
};

const parse = (id: keyof typeof VALID, values: Record<string, string>) => {
  const provider = socialProviders[id];
  return provider.configSchema.safeParse(formToConfig(provider.fields, values).config);
};

describe("the social provider registry", () => {
  it("has one entry per provider file, keyed by its id, in the declared order", () => {
    const files = readdirSync(new URL("./providers", import.meta.url)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => f.slice(0, -3));
    expect(Object.keys(socialProviders).sort()).toEqual([...files].sort());
    expect(Object.keys(socialProviders)).toEqual([...SOCIAL_PROVIDER_IDS]);
    for (const [id, provider] of Object.entries(socialProviders)) expect(provider.id).toBe(id);
  });

  it.each(SOCIAL_PROVIDER_IDS)("%s: every field is a key of its schema, and the client secret is its one secret", (id) => {
    const provider = socialProviders[id];
    const shape = ((provider.configSchema as unknown as z.ZodPipe).in as z.ZodObject | undefined)?.shape ?? (provider.configSchema as unknown as z.ZodObject).shape;
    for (const field of provider.fields) expect(Object.keys(shape)).toContain(field.key);
    expect(socialSecretKeys(id)).toEqual(["clientSecret"]);
    expect(provider.guide.steps.length).toBeGreaterThan(0);
    expect(provider.guide.createAt.url).toMatch(/^https:\/\//);
  });

  it.each(SOCIAL_PROVIDER_IDS)("%s: a valid config parses, with private targets off by default", (id) => {
    const parsed = parse(id, VALID[id]);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect((parsed.data as { allowPrivateTargets: boolean }).allowPrivateTargets).toBe(false);
  });

  it.each(SOCIAL_PROVIDER_IDS)("%s: a missing client id or secret is refused", (id) => {
    for (const key of ["clientId", "clientSecret"]) {
      const parsed = parse(id, { ...VALID[id], [key]: "" });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain(key);
    }
  });

  it("fills the providers' documented defaults", () => {
    expect(parse("github", VALID.github).data).toMatchObject({ baseUrl: "https://github.com" });
    expect(parse("google", VALID.google).data).toMatchObject({ issuer: "https://accounts.google.com" });
    expect(parse("microsoft-entra-id", { ...VALID["microsoft-entra-id"], tenant: "" }).data).toMatchObject({ tenant: "common", authorityHost: "https://login.microsoftonline.com" });
  });

  it("refuses plain http issuers and hosts unless private targets are allowed", () => {
    const cases = [
      ["oidc", "issuer", "http://id.example.com"],
      ["google", "issuer", "http://accounts.google.test"],
      ["github", "baseUrl", "http://ghe.example.com"],
      ["microsoft-entra-id", "authorityHost", "http://login.example.com"],
    ] as const;
    for (const [id, key, url] of cases) {
      const refused = parse(id, { ...VALID[id], [key]: url });
      expect(refused.error?.issues[0]?.path).toEqual([key]);
      expect(refused.error?.issues[0]?.message).toMatch(/https:\/\//);
      expect(parse(id, { ...VALID[id], [key]: url, allowPrivateTargets: "on" }).success).toBe(true);
    }
  });

  it("refuses URLs with credentials, a query or a fragment, and drops a trailing slash", () => {
    for (const issuer of ["https://user:pw@id.example.com", "https://id.example.com?x=1", "https://id.example.com#a", "ftp://id.example.com", "id.example.com"]) {
      expect(parse("oidc", { ...VALID.oidc, issuer }).success, issuer).toBe(false);
    }
    expect(parse("oidc", { ...VALID.oidc, issuer: "https://id.example.com/realms/acme/" }).data).toMatchObject({ issuer: "https://id.example.com/realms/acme" });
  });

  it("takes an Entra tenant as an id, a domain or a multi-tenant name", () => {
    for (const tenant of ["common", "organizations", "consumers", "9188040d-6c67-4c5b-b112-36a304b66dad", "contoso.onmicrosoft.com"]) {
      expect(parse("microsoft-entra-id", { ...VALID["microsoft-entra-id"], tenant }).success, tenant).toBe(true);
    }
    for (const tenant of ["../common", "a b", "contoso", "x/v2.0"]) {
      expect(parse("microsoft-entra-id", { ...VALID["microsoft-entra-id"], tenant }).success, tenant).toBe(false);
    }
  });

  it("refuses a client id or secret with spaces inside, and trims a pasted line break", () => {
    expect(parse("github", { ...VALID.github, clientSecret: "abc def" }).success).toBe(false);
    expect(parse("github", { ...VALID.github, clientSecret: "abcdef\n" }).data).toMatchObject({ clientSecret: "abcdef" });
  });

  it("names the callback URL to register after the connector's id", () => {
    expect(socialCallbackUrl("https://auth.example.com", "acme-sso")).toBe("https://auth.example.com/api/auth/callback/acme-sso");
  });
});
