import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { seal } from "@/lib/crypto/seal";
import { db } from "@/lib/db";
import { updateSettings } from "@/lib/settings/get-settings";
import { bindConnector, forgetActiveConnector, getActiveConnector, SAVED_CONNECTOR_AAD } from "./active";
import { pools } from "./net/pools";
import { deleteConnector } from "./store";
import { eventually, sampleMessage, startSmtpSink } from "./test-helpers";

/**
 * Which sends keep their connections: the saved connector's, one pool per
 * configuration (a changed one gets a new pool, the old is closed; a deleted
 * one's pool is closed); the console's test with unsaved settings never.
 * Against a real SMTP server that counts its connections.
 */
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const from = { address: "no-reply@acme.test" };

async function save(config: Record<string, unknown>) {
  const data = { connectorId: "smtp", config: JSON.stringify(config), secrets: seal("{}", SAVED_CONNECTOR_AAD), fromAddress: from.address };
  await db.emailConnector.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
  // Written behind the console's back: as if another instance saved it, and its second had passed.
  forgetActiveConnector();
}

const sendActive = async (to: string) => (await getActiveConnector()).send(sampleMessage({ to }));
let config: Record<string, unknown>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  config = { host: "127.0.0.1", port: smtp.port, security: "starttls-optional", auth: { type: "none" }, allowPrivateTargets: true };
});
beforeEach(async () => {
  pools.closeAll();
  await eventually(() => smtp.open() === 0);
  await db.emailConnector.deleteMany();
  forgetActiveConnector();
});
afterAll(async () => {
  pools.closeAll();
  await smtp.close();
});

describe("the saved connector's connections", () => {
  it("are kept across sends: three emails, one connection", async () => {
    await save(config);
    const before = smtp.connections();
    for (const to of ["a@example.com", "b@example.com", "c@example.com"]) await sendActive(to);
    expect(smtp.connections() - before).toBe(1);
    expect(smtp.open()).toBe(1);
    expect(smtp.received.slice(-3)).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
  });

  it("a changed configuration gets a new connection and the old one is closed", async () => {
    await save(config);
    await sendActive("before-change@example.com");
    const before = smtp.connections();
    await save({ ...config, headers: { "X-Changed": "yes" } });
    await sendActive("after-change@example.com");
    expect(smtp.connections() - before).toBe(1);
    await eventually(() => smtp.open() === 1);
  });

  it("deleting the saved connector closes its connections", async () => {
    // Nothing may depend on the connector for the console to delete it.
    await updateSettings({ signInExperience: { signUp: { emailPassword: false }, signIn: { password: true, emailCode: false }, forgotPassword: { emailCode: false } } });
    await save(config);
    await sendActive("before-delete@example.com");
    expect(pools.kinds("console")).toEqual(["smtp"]);
    expect(await deleteConnector()).toMatchObject({ ok: true });
    expect(pools.kinds("console")).toEqual([]);
    await eventually(() => smtp.open() === 0);
  });

  it("deleted by another instance: the next send here closes them", async () => {
    await save(config);
    await sendActive("elsewhere@example.com");
    await db.emailConnector.deleteMany();
    forgetActiveConnector();
    await getActiveConnector();
    expect(pools.kinds("console")).toEqual([]);
    await eventually(() => smtp.open() === 0);
  });
});

describe("the console's test email with unsaved settings", () => {
  it("uses a connection of its own and leaves no pool behind", async () => {
    const before = smtp.connections();
    await bindConnector("smtp", config, from).send(sampleMessage({ to: "test-email@example.com" }));
    expect(smtp.connections() - before).toBe(1);
    expect(pools.kinds("console")).toEqual([]);
    await eventually(() => smtp.open() === 0);
  });
});
