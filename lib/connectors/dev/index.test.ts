import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getActiveConnector } from "../active";
import { ConnectorError, type OutboundMessage } from "../types";
import dev from "./index";
import {
  assertDevMailboxAllowed,
  getDevMessage,
  isDevMailboxAllowed,
  listDevMessages,
} from "./mailbox";

function message(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    to: "ada@example.test",
    from: { name: "Acme", address: "no-reply@acme.test" },
    subject: "Your sign-in code is 482913",
    text: "Your sign-in code is 482913.",
    html: "<p>Your sign-in code is <strong>482913</strong>.</p>",
    ...overrides,
  };
}

describe("dev mailbox connector", () => {
  it("is labelled for development", () => {
    expect(dev.id).toBe("dev");
    expect(dev.label).toBe("Dev mailbox (for development)");
  });

  it("stores the rendered message and returns its id as messageId", async () => {
    const { messageId } = await dev.send({}, message({ replyTo: "support@acme.test", headers: { "X-Purpose": "SignIn" } }));
    expect(messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const row = await db.devMailboxMessage.findUnique({ where: { id: messageId } });
    expect(row).toMatchObject({
      to: "ada@example.test",
      from: "Acme <no-reply@acme.test>",
      subject: "Your sign-in code is 482913",
      text: "Your sign-in code is 482913.",
      html: "<p>Your sign-in code is <strong>482913</strong>.</p>",
    });
    expect(JSON.parse(row!.headers)).toEqual({ "X-Purpose": "SignIn", "Reply-To": "support@acme.test" });

    const stored = await getDevMessage(messageId);
    expect(stored?.headers).toEqual({ "X-Purpose": "SignIn", "Reply-To": "support@acme.test" });
    expect(stored?.createdAt).toBeInstanceOf(Date);
  });

  it("strips line breaks from the from-name and subject it stores", async () => {
    const { messageId } = await dev.send(
      {},
      message({ from: { name: "Acme\r\nBcc: evil@x.test", address: "no-reply@acme.test" }, subject: "Hi\r\nBcc: x@x.test" }),
    );
    const stored = await getDevMessage(messageId);
    expect(stored?.from).toBe("Acme Bcc: evil@x.test <no-reply@acme.test>");
    expect(stored?.subject).toBe("Hi Bcc: x@x.test");
  });

  it("refuses what the SMTP connector refuses: several recipients, header injection, reserved headers", async () => {
    const before = await db.devMailboxMessage.count();
    await expect(dev.send({}, message({ to: "a@x.test, b@x.test" }))).rejects.toMatchObject({ code: "rejected_recipient" });
    await expect(dev.send({}, message({ headers: { "X-A": "1\r\nBcc: e@x.test" } }))).rejects.toMatchObject({ code: "provider_error" });
    await expect(dev.send({}, message({ headers: { Bcc: "e@x.test" } }))).rejects.toBeInstanceOf(ConnectorError);
    expect(await db.devMailboxMessage.count()).toBe(before);
  });

  it("lists newest first and filters by recipient", async () => {
    const first = await dev.send({}, message({ to: "list-a@example.test", subject: "one" }));
    await new Promise((r) => setTimeout(r, 5));
    const second = await dev.send({}, message({ to: "list-b@example.test", subject: "two" }));
    await new Promise((r) => setTimeout(r, 5));
    const third = await dev.send({}, message({ to: "list-a@example.test", subject: "three" }));

    const all = await listDevMessages({ limit: 100 });
    const ids = all.map((m) => m.id);
    expect(ids.indexOf(third.messageId)).toBeLessThan(ids.indexOf(second.messageId));
    expect(ids.indexOf(second.messageId)).toBeLessThan(ids.indexOf(first.messageId));

    const forA = await listDevMessages({ to: "List-A@example.test", limit: 100 });
    expect(forA.map((m) => m.subject)).toEqual(["three", "one"]);
    expect(await listDevMessages({ to: "list-a@example.test", limit: 1 })).toHaveLength(1);
    expect(await listDevMessages({ to: "nobody@example.test", limit: 10 })).toEqual([]);
  });

  it("returns null for an unknown id", async () => {
    expect(await getDevMessage("does-not-exist")).toBeNull();
  });

  it("is the active connector under the test env (EMAIL_CONNECTOR=dev) and sends through it", async () => {
    const active = await getActiveConnector();
    expect(active.source).toBe("env");
    expect(active.id).toBe("dev");
    expect(active.label).toBe(dev.label);
    const { messageId } = await active.send(message({ to: "active@example.test" }));
    expect((await getDevMessage(messageId))?.to).toBe("active@example.test");
  });
});

describe("dev mailbox production guard (pure, no env mutation)", () => {
  it("refuses in production unless DEV_MAILBOX_IN_PRODUCTION is true", () => {
    const refused = { nodeEnv: "production", devMailboxInProduction: false } as const;
    expect(isDevMailboxAllowed(refused)).toBe(false);
    let thrown: unknown;
    try {
      assertDevMailboxAllowed(refused);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectorError);
    expect((thrown as ConnectorError).code).toBe("invalid_config");
    expect((thrown as ConnectorError).message).toMatch(/refused in production/);
    expect((thrown as ConnectorError).message).toContain("DEV_MAILBOX_IN_PRODUCTION=true");
  });

  it("allows production with the opt-in, and development and test always", () => {
    expect(() => assertDevMailboxAllowed({ nodeEnv: "production", devMailboxInProduction: true })).not.toThrow();
    expect(() => assertDevMailboxAllowed({ nodeEnv: "development", devMailboxInProduction: false })).not.toThrow();
    expect(() => assertDevMailboxAllowed({ nodeEnv: "test", devMailboxInProduction: false })).not.toThrow();
  });
});
