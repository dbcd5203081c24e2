import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

/**
 * Test helpers for the social tests (imported only by test files): a
 * connector row as the console saves it (its secrets are not read here), and
 * an identity joined to an account as a finished sign-in leaves it.
 */
export async function makeConnector(options: { name?: string; enabled?: boolean; providerId?: string } = {}): Promise<string> {
  const id = `oidc-${randomUUID().slice(0, 8)}`;
  await db.socialConnector.create({
    data: { id, providerId: options.providerId ?? "oidc", name: options.name ?? "Example ID", config: "{}", secrets: "unused-in-these-tests", enabled: options.enabled ?? true },
  });
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
