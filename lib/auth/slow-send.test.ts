import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startOutboxTestServer, type OutboxTestServer } from "@/lib/mail/outbox-test-server";
import { defaultSignInExperience } from "@/lib/settings/schema";
import { startCodeFlow } from "./flow-code";
import { getCodePageState } from "./resend-code";

/**
 * A code request against an SMTP server that takes 5.5 s to answer the end
 * of DATA (a real server on loopback): the request answers after the inline
 * deadline, the code page says the email is delayed (not failed), and the
 * email goes out once.
 */
let server: OutboxTestServer;
beforeAll(async () => {
  server = await startOutboxTestServer();
  server.faults.slowMs = 5500;
});
afterAll(() => server.close());

describe("a slow provider", () => {
  it("does not hold the code request; the page reads 'delayed' while the send is in flight", async () => {
    const email = `slow-${randomUUID().slice(0, 8)}@outbox.test`;
    await db.user.create({ data: { id: randomUUID(), email } });
    const started = Date.now();
    const result = await startCodeFlow("sign-in", email, { ip: "10.8.0.1", userAgent: null, acceptLanguage: null }, defaultSignInExperience.otp);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await getCodePageState("sign-in", result.value.flowId))?.delivery).toBe("delayed");

    while ((await db.emailMessage.findFirstOrThrow({ where: { recipient: email } })).status === "sending") await sleep(100);
    expect((await getCodePageState("sign-in", result.value.flowId))?.delivery).toBe("ok");
    expect(server.messageIds(email)).toHaveLength(1);
  });
});
