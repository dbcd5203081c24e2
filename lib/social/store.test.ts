import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  deleteSocialConnector, enabledSocialButtons, getSocialFormStart, listSocialConnectors, loadAuthProviders, loadSocialConnector,
  moveSocialConnector, saveSocialConnector, setSocialConnectorEnabled, type SocialConnectorInput,
} from "./store";

const SECRET = "super-secret-client-secret-1234";

const oidcInput = (id: string, extra: Partial<SocialConnectorInput> = {}): SocialConnectorInput => ({
  id,
  providerId: "oidc",
  name: `${id} SSO`,
  values: { issuer: "https://id.example.com", clientId: `client-${id}`, clientSecret: SECRET },
  ...extra,
});

afterEach(async () => {
  await db.socialIdentity.deleteMany({});
  await db.socialConnector.deleteMany({});
});

describe("saved social connectors", () => {
  it("seals the client secret: not in the row's clear columns, nor in the console's list or form start", async () => {
    expect(await saveSocialConnector(oidcInput("acme"), null)).toMatchObject({ ok: true });
    const row = await db.socialConnector.findUniqueOrThrow({ where: { id: "acme" } });
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(JSON.parse(row.config)).toEqual({ issuer: "https://id.example.com", clientId: "client-acme", allowPrivateTargets: false });
    expect(row.secrets).toMatch(/^v1\./);
    expect(JSON.stringify(await listSocialConnectors())).not.toContain(SECRET);
    const start = await getSocialFormStart({ editing: "acme" });
    expect(JSON.stringify(start)).not.toContain(SECRET);
    expect(start?.secretsSet).toEqual(["clientSecret"]);
    expect((await loadSocialConnector("acme"))?.config).toMatchObject({ clientSecret: SECRET });
  });

  it("binds the sealed secrets to the connector's id: copied to another row, they do not open", async () => {
    await saveSocialConnector(oidcInput("acme"), null);
    await saveSocialConnector(oidcInput("other", { values: { issuer: "https://id.example.com", clientId: "c", clientSecret: "another-secret" } }), null);
    const acme = await db.socialConnector.findUniqueOrThrow({ where: { id: "acme" } });
    await db.socialConnector.update({ where: { id: "other" }, data: { secrets: acme.secrets } });
    await expect(loadSocialConnector("other")).rejects.toThrow();
    expect((await enabledSocialButtons()).map((b) => b.id)).toEqual(["acme"]);
    expect((await listSocialConnectors()).find((c) => c.id === "other")?.problem).toBeTruthy();
  });

  it("keeps the saved secret when it is left blank while editing, and replaces it when typed", async () => {
    await saveSocialConnector(oidcInput("acme"), null);
    const blank = { issuer: "https://id2.example.com", clientId: "client-2", clientSecret: "" };
    expect(await saveSocialConnector(oidcInput("acme", { editing: "acme", values: blank }), null)).toMatchObject({ ok: true });
    expect((await loadSocialConnector("acme"))?.config).toMatchObject({ issuer: "https://id2.example.com", clientSecret: SECRET });
    await saveSocialConnector(oidcInput("acme", { editing: "acme", values: { ...blank, clientSecret: "new-secret" } }), null);
    expect((await loadSocialConnector("acme"))?.config).toMatchObject({ clientSecret: "new-secret" });
  });

  it("requires the secret for a new connector", async () => {
    const result = await saveSocialConnector(oidcInput("acme", { values: { issuer: "https://id.example.com", clientId: "c", clientSecret: "" } }), null);
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { "config.clientSecret": ["Is required"] } });
  });

  it.each(["Acme", "acme_sso", "-acme", "acme-", "a".repeat(41), "ticket", ""])("refuses the id %j", async (id) => {
    const result = await saveSocialConnector(oidcInput(id), null);
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!result.ok && result.fieldErrors?.id).toBeTruthy();
  });

  it("refuses a second connector with the same id", async () => {
    await saveSocialConnector(oidcInput("acme"), null);
    expect(await saveSocialConnector(oidcInput("acme"), null)).toMatchObject({ ok: false, fieldErrors: { id: [expect.stringMatching(/already exists/)] } });
  });

  it("lists the enabled connectors' buttons in the console's order, and their next-auth providers", async () => {
    for (const id of ["one", "two", "three"]) await saveSocialConnector(oidcInput(id), null);
    expect((await enabledSocialButtons()).map((b) => b.id)).toEqual(["one", "two", "three"]);
    await moveSocialConnector("three", "up");
    await moveSocialConnector("one", "down");
    expect((await enabledSocialButtons()).map((b) => b.id)).toEqual(["three", "one", "two"]);
    await setSocialConnectorEnabled("one", false);
    expect(await enabledSocialButtons()).toEqual([
      { id: "three", providerId: "oidc", name: "three SSO" },
      { id: "two", providerId: "oidc", name: "two SSO" },
    ]);
    expect((await loadAuthProviders()).map((p) => [p.id, p.name])).toEqual([["three", "three SSO"], ["two", "two SSO"]]);
    await moveSocialConnector("three", "up");
    expect((await listSocialConnectors()).map((c) => c.id)).toEqual(["three", "one", "two"]);
  });

  it("reads again for a callback that names a connector the cached list lacks (added by another instance)", async () => {
    await saveSocialConnector(oidcInput("one"), null);
    await saveSocialConnector(oidcInput("two"), null);
    await setSocialConnectorEnabled("two", false);
    expect((await loadAuthProviders()).map((p) => p.id)).toEqual(["one"]);
    // Another instance enables it: this process's cache (1 s) does not know yet.
    await db.socialConnector.update({ where: { id: "two" }, data: { enabled: true } });
    expect((await loadAuthProviders()).map((p) => p.id)).toEqual(["one"]);
    expect((await loadAuthProviders("two")).map((p) => p.id)).toEqual(["one", "two"]);
    expect((await loadAuthProviders("unknown")).map((p) => p.id)).toEqual(["one", "two"]);
  });

  it("deletes a connector and keeps the identities joined through it, saying how many", async () => {
    await saveSocialConnector(oidcInput("acme"), null);
    const user = await db.user.create({ data: { id: "u-social-store", email: "u@store.test" } });
    await db.socialIdentity.create({ data: { id: "i1", userId: user.id, connectorId: "acme", subject: "s1" } });
    expect((await listSocialConnectors())[0]?.identities).toBe(1);
    expect(await deleteSocialConnector("acme")).toEqual({ ok: true, value: { name: "acme SSO", identities: 1 } });
    expect(await db.socialIdentity.count({ where: { connectorId: "acme" } })).toBe(1);
    expect(await deleteSocialConnector("acme")).toMatchObject({ ok: false, code: "not_found" });
    await db.user.delete({ where: { id: user.id } });
  });

  it("suggests a free id for a new connector of a provider", async () => {
    expect((await getSocialFormStart({ providerId: "microsoft-entra-id" }))?.id).toBe("microsoft");
    await saveSocialConnector(oidcInput("oidc"), null);
    expect((await getSocialFormStart({ providerId: "oidc" }))?.id).toBe("oidc-2");
  });
});
