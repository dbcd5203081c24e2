import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { saveSocialConnector, setSocialConnectorEnabled } from "./store";

/**
 * Test helpers for the social tests (imported only by test files): a
 * connector saved the way the console saves it (an OpenID Connect one; no
 * request reaches its issuer in these tests), and an identity joined to an
 * account as a finished sign-in leaves it.
 */
export async function makeConnector(options: { name?: string; enabled?: boolean } = {}): Promise<string> {
  const id = `oidc-${randomUUID().slice(0, 8)}`;
  const values = { issuer: "https://id.example.test", clientId: "mailgate", clientSecret: "test-client-secret" };
  const saved = await saveSocialConnector({ id, providerId: "oidc", name: options.name ?? "Example ID", values }, null);
  if (!saved.ok) throw new Error(`connector not saved: ${JSON.stringify(saved)}`);
  if (options.enabled === false) await setSocialConnectorEnabled(id, false);
  return id;
}

export async function makeIdentity(userId: string, connectorId: string, who: { email?: string | null; name?: string | null } = {}): Promise<string> {
  const id = randomUUID();
  await db.socialIdentity.create({
    data: {
      id, userId, connectorId, subject: randomUUID(),
      email: who.email === undefined ? "ada@id.example.test" : who.email, name: who.name === undefined ? "Ada at Example ID" : who.name,
    },
  });
  return id;
}
