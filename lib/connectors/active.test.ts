import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OutboundMessage } from "./types";

/**
 * The environment's SMTP connector (EMAIL_CONNECTOR=smtp, SMTP_HOST) is the
 * operator's own configuration: a relay on localhost or the private network
 * keeps working without any opt-in. The same settings saved in the console
 * (which any admin can edit) must tick "Allow private network targets".
 */
const message: OutboundMessage = {
  to: "ada@example.com",
  from: { name: "Mailgate", address: "no-reply@example.com" },
  subject: "Your code",
  html: "<p>123456</p>",
  text: "123456",
};

let smtp: SMTPServer;
let port = 0;
const received: string[] = [];
beforeAll(async () => {
  smtp = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData: (stream, session, cb) => {
      stream.resume();
      stream.on("end", () => {
        received.push(session.envelope.rcptTo[0]!.address);
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as AddressInfo).port;
  // Read once by lib/env at its first import, below.
  vi.stubEnv("EMAIL_CONNECTOR", "smtp");
  vi.stubEnv("SMTP_HOST", "127.0.0.1");
  vi.stubEnv("SMTP_PORT", String(port));
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  vi.unstubAllEnvs();
});

describe("the environment's SMTP connector", () => {
  it("sends to a relay on loopback: the environment is trusted configuration", async () => {
    const { envConnector } = await import("./active");
    const connector = envConnector();
    expect(connector.source).toBe("env");
    await connector.send(message);
    expect(received).toEqual(["ada@example.com"]);
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
    expect(received).toEqual(["ada@example.com", "grace@example.com"]);
  });
});
