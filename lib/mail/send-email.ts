import "server-only";
import { env } from "@/lib/env";
import { isNoticeKind, type TemplateText } from "@/emails";
import { activeTemplate } from "@/lib/email-templates/store";
import { getActiveConnector, type ActiveConnector } from "@/lib/connectors/active";
import { getSettings } from "@/lib/settings/get-settings";
import { attempt, enqueue, type Enqueued, type NewMessage } from "./outbox";
import { renderEmail, type EmailKind, type Locale, type RenderInput } from "./render";

export type SendEmailInput = {
  kind: EmailKind;
  to: string;
  locale: Locale;
  vars?: Omit<RenderInput, "kind" | "locale" | "branding" | "to" | "appUrl" | "template">;
  /** The address of the person whose request caused this email (forwarded by the HTTP connector). */
  ip?: string;
  /** The text to send instead of the one in use (the console's test of an unsaved template). */
  template?: TemplateText | null;
  /** When the code in the email stops working (default: now + ttlMinutes for code emails). */
  expiresAt?: Date;
};

export type SendEmailResult =
  | { ok: true; messageId: string }
  /** `retrying`: not sent yet (a temporary failure, or still in flight); the outbox keeps at it, so the email may still arrive. */
  | { ok: false; messageId: string; retrying: boolean; errorCode: string; errorMessage: string };

/** A rendered email ready for the outbox, and the connector to make its first attempt with. */
export type ComposedEmail = { message: NewMessage; connectorId: string; connector?: ActiveConnector };

/**
 * Renders one email, puts it in the outbox and makes the first attempt
 * inline, so the user's answer says whether it left. A temporary failure is
 * retried by the outbox worker; a permanent one is returned (and shown in
 * the console's deliveries), never swallowed.
 */
export async function sendEmail(input: SendEmailInput): Promise<SendEmailResult> {
  const composed = await composeEmail(input);
  return deliverInline(await enqueue(composed.message, { connector: composed.connectorId }), composed);
}

export async function composeEmail(input: SendEmailInput): Promise<ComposedEmail> {
  const [{ branding }, template] = await Promise.all([getSettings(), input.template !== undefined ? input.template : activeTemplate(input.kind, input.locale)]);
  const rendered = await renderEmail({ kind: input.kind, locale: input.locale, branding, to: input.to, appUrl: env.APP_URL, ...input.vars, template });
  let connector: ActiveConnector | undefined;
  try {
    connector = await getActiveConnector();
  } catch {
    // Recorded as the attempt's failure (attempt resolves it again and stores why).
  }
  const isCode = !isNoticeKind(input.kind);
  const ttlMinutes = input.vars?.ttlMinutes;
  const variables: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(input.vars ?? {})) if (typeof value === "string" || typeof value === "number") variables[key] = value;
  const message: NewMessage = {
    purpose: input.kind,
    recipient: input.to,
    locale: input.locale,
    // The stored subject is shown in the console and kept after sending: never with the code in it.
    subject: maskCode(rendered.subject, input.vars?.code),
    body: {
      subject: rendered.subject,
      senderName: branding.senderName,
      html: rendered.html,
      text: rendered.text,
      replyTo: branding.supportEmail ?? undefined,
      context: { type: input.kind, locale: input.locale, variables, ip: input.ip },
    },
    expiresAt: input.expiresAt ?? (isCode && ttlMinutes ? new Date(Date.now() + ttlMinutes * 60_000) : undefined),
    supersede: isCode,
  };
  return { message, connectorId: connector?.id ?? "unconfigured", connector };
}

/**
 * The first attempt of a message the caller just enqueued (leased), waited
 * for at most OUTBOX_INLINE_SECONDS: a slow provider must not hold the
 * user's request. After that the answer is "on its way" and the attempt
 * carries on, recording its outcome when it ends.
 */
export async function deliverInline(queued: Enqueued, composed: Pick<ComposedEmail, "connector">): Promise<SendEmailResult> {
  const { id } = queued;
  if (queued.refused) return { ok: false, messageId: id, retrying: false, ...queued.refused };
  const attempted = attempt(id, queued.leaseToken!, { connector: composed.connector, written: queued.written }).catch((error: unknown) => {
    // The row and its lease stay: when the lease runs out, a worker makes the attempt (with the same Message-ID).
    console.error(`mailgate: email ${id}: the first attempt could not finish: ${error instanceof Error ? error.message : String(error)}`);
    return "unfinished" as const;
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), env.OUTBOX_INLINE_SECONDS * 1000)));
  const delivery = await Promise.race([attempted, late]).finally(() => clearTimeout(timer));
  if (delivery === "late" || delivery === "unfinished") {
    return { ok: false, messageId: id, retrying: true, errorCode: "in_flight", errorMessage: "The provider has not answered yet; the email is on its way." };
  }
  if (delivery?.status === "sent") return { ok: true, messageId: id };
  if (!delivery) {
    // Only if the lease was taken over mid-attempt; a worker owns it now.
    return { ok: false, messageId: id, retrying: true, errorCode: "transient", errorMessage: "The attempt took too long; the outbox will retry it." };
  }
  return { ok: false, messageId: id, retrying: delivery.status === "failed", errorCode: delivery.errorCode, errorMessage: delivery.errorMessage };
}

function maskCode(subject: string, code: string | undefined): string {
  return code ? subject.split(code).join("••••••") : subject;
}
