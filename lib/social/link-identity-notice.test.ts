import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeCtx, makeUser, subjectsTo } from "@/lib/account/test-fixtures";
import { getDevMessage, listDevMessages } from "@/lib/connectors/dev/mailbox";
import { updateSettings } from "@/lib/settings/get-settings";
import { linkIdentity } from "./link-identity";
import { makeConnector } from "./test-fixtures";
import type { SocialProfile } from "./types";

const LINKED = "Example ID sign-in was connected to your Mailgate account";

const profileAt = (connectorId: string): SocialProfile => ({
  connectorId, subject: randomUUID(), email: "grace@id.example.test", emailVerified: true, name: "Grace", image: null,
});

afterEach(async () => {
  await updateSettings({ signInExperience: { notifications: { identityChanges: true } } });
});

describe("linkIdentity: the IdentityLinked notice", () => {
  it("emails the owner once, for the new link only, naming the provider, the account, the browser and the IP", async () => {
    const user = await makeUser();
    const profile = profileAt(await makeConnector({ name: "Example ID" }));
    const ctx = makeCtx();
    expect(await linkIdentity(user.id, profile, ctx)).toMatchObject({ ok: true, value: { created: true } });
    expect(await linkIdentity(user.id, profile, ctx)).toMatchObject({ ok: true, value: { created: false } });
    expect((await subjectsTo(user.email)).filter((subject) => subject === LINKED)).toHaveLength(1);
    const [summary] = await listDevMessages({ to: user.email, limit: 1 });
    const message = await getDevMessage(summary!.id);
    expect(message?.text).toContain("The Example ID account Grace (g•••@id.example.test) can now sign in to your Mailgate account.");
    expect(message?.text).toContain(`From: Chrome on macOS, IP address ${ctx.ip}.`);
  });

  it("sends nothing for an identity linked to another account", async () => {
    const [owner, other] = [await makeUser(), await makeUser()];
    const profile = profileAt(await makeConnector({ name: "Example ID" }));
    await linkIdentity(owner.id, profile, makeCtx());
    expect(await linkIdentity(other.id, profile, makeCtx())).toMatchObject({ ok: false, code: "identity_linked_elsewhere" });
    expect(await subjectsTo(other.email)).not.toContain(LINKED);
  });

  it("leaves the notice to the caller inside a transaction (it could still roll back)", async () => {
    const user = await makeUser();
    const profile = profileAt(await makeConnector({ name: "Example ID" }));
    await db.$transaction((tx) => linkIdentity(user.id, profile, makeCtx(), tx));
    expect(await db.socialIdentity.count({ where: { userId: user.id } })).toBe(1);
    expect(await subjectsTo(user.email)).not.toContain(LINKED);
  });

  it("sends nothing when the setting is off", async () => {
    await updateSettings({ signInExperience: { notifications: { identityChanges: false } } });
    const user = await makeUser();
    expect(await linkIdentity(user.id, profileAt(await makeConnector({ name: "Example ID" })), makeCtx())).toMatchObject({ ok: true });
    expect(await subjectsTo(user.email)).not.toContain(LINKED);
  });
});
