import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getActiveConnector, getFromAddress } from "@/lib/connectors/active";
import { ConnectorError } from "@/lib/connectors/types";
import { getSettings } from "@/lib/settings/get-settings";
import { renderEmail, type EmailKind, type Locale, type RenderInput } from "./render";

export type SendEmailInput = {
  kind: EmailKind;
  to: string;
  locale: Locale;
  vars?: Pick<RenderInput, "code" | "ttlMinutes" | "link" | "lockMinutes">;
};

export type SendEmailResult =
  | { ok: true; messageId: string }
  | { ok: false; messageId: string; errorCode: string; errorMessage: string };

/**
 * Renders and sends one email. The record is written before the connector
 * is called and updated after, so a failure is always visible in the
 * EmailMessage table and returned to the caller, never swallowed.
 */
export async function sendEmail(input: SendEmailInput): Promise<SendEmailResult> {
  const { branding } = await getSettings();
  const rendered = await renderEmail({ kind: input.kind, locale: input.locale, branding, to: input.to, appUrl: env.APP_URL, ...input.vars });
  const connector = getActiveConnector();
  const from = getFromAddress();
  const id = randomUUID();
  await db.emailMessage.create({
    data: {
      id, purpose: input.kind, recipient: input.to, locale: input.locale, connector: connector.id,
      subject: rendered.subject, status: "sending", attempts: 1,
    },
  });
  try {
    const { messageId } = await connector.send({
      to: input.to,
      // A display name in EMAIL_FROM wins over the branding default.
      from: { name: from.name ?? branding.senderName, address: from.address },
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      replyTo: branding.supportEmail ?? undefined,
    });
    await db.emailMessage.update({ where: { id }, data: { status: "sent", providerMessageId: messageId, sentAt: new Date() } });
    return { ok: true, messageId: id };
  } catch (error) {
    const errorCode = error instanceof ConnectorError ? error.code : "provider_error";
    const errorMessage = error instanceof Error ? error.message : String(error);
    await db.emailMessage.update({ where: { id }, data: { status: "failed", errorCode, errorMessage: errorMessage.slice(0, 2000) } });
    console.error(`mailgate: email ${id} (${input.kind}) via ${connector.id} failed: ${errorCode}: ${errorMessage}`);
    return { ok: false, messageId: id, errorCode, errorMessage };
  }
}
