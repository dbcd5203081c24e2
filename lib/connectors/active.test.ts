import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sampleMessage, startSmtpSink } from "./test-helpers";

/**
 * The environment's SMTP connector (EMAIL_CONNECTOR=smtp, SMTP_HOST) is the
 * operator's own configuration: a relay on localhost or the private network
 * keeps working without any opt-in. The same settings saved in the console
 * (which any admin can edit) must tick "Allow private network targets".
 */
const message = sampleMessage({ to: "ada@example.com" });

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  smtp = await startSmtpSink();
  // Read once by lib/env at its first import, below.
  vi.stubEnv("EMAIL_CONNECTOR", "smtp");
  vi.stubEnv("SMTP_HOST", "127.0.0.1");
  vi.stubEnv("SMTP_PORT", String(smtp.port));
});
afterAll(async () => {
  await smtp.close();
  vi.unstubAllEnvs();
});

describe("the environment's SMTP connector", () => {
  it("sends to a relay on loopback: the environment is trusted configuration", async () => {
    const { envConnector } = await import("./active");
    const connector = envConnector();
    expect(connector.source).toBe("env");
    await connector.send(message);
    expect(smtp.received).toEqual(["ada@example.com"]);
  });

  it("the same settings from the console are refused until private targets are allowed", async () => {
    const { bindConnector, smtpConfigFromEnv } = await import("./active");
    const consoleConfig = { ...smtpConfigFromEnv(), allowPrivateTargets: undefined };
    const from = { address: "no-reply@example.com" };
    await expect(bindConnector("smtp", consoleConfig, from).send(message)).rejects.toMatchObject({
      code: "invalid_config",
      message: expect.stringContaining("The SMTP server 127.0.0.1 is a loopback address"),
    });
    await bindConnector("smtp", { ...consoleConfig, allowPrivateTargets: true }, from).send({ ...message, to: "grace@example.com" });
    expect(smtp.received).toEqual(["ada@example.com", "grace@example.com"]);
  });
});
