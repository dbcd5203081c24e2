import "server-only";
import { env } from "@/lib/env";
import { isNoticeKind } from "@/emails";
import { getActiveConnector, type ActiveConnector } from "@/lib/connectors/active";
import { getSettings } from "@/lib/settings/get-settings";
import { attempt, enqueue } from "./outbox";
import { renderEmail, type EmailKind, type Locale, type RenderInput } from "./render";

export type SendEmailInput = {
  kind: EmailKind;
  to: string;
  locale: Locale;
  vars?: Omit<RenderInput, "kind" | "locale" | "branding" | "to" | "appUrl">;
  /** The address of the person whose request caused this email (forwarded by the HTTP connector). */
  ip?: string;
  /** When the code in the email stops working (default: now + ttlMinutes for code emails). */
  expiresAt?: Date;
};

export type SendEmailResult =
  | { ok: true; messageId: string }
  /** `retrying`: a temporary failure; the outbox keeps trying, so the email may still arrive. */
  | { ok: false; messageId: string; retrying: boolean; errorCode: string; errorMessage: string };

/**
 * Renders one email, puts it in the outbox and makes the first attempt
 * inline, so the user's answer says whether it left. A temporary failure is
 * retried by the outbox worker; a permanent one is returned (and shown in
 * the console's deliveries), never swallowed.
 */
export async function sendEmail(input: SendEmailInput): Promise<SendEmailResult> {
  const { branding } = await getSettings();
  const rendered = await renderEmail({ kind: input.kind, locale: input.locale, branding, to: input.to, appUrl: env.APP_URL, ...input.vars });
  let connector: ActiveConnector | undefined;
  try {
    connector = await getActiveConnector();
  } catch {
    // Recorded as the attempt's failure below (attempt resolves it again and stores why).
  }
  const isCode = !isNoticeKind(input.kind);
  const ttlMinutes = input.vars?.ttlMinutes;
  const variables: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(input.vars ?? {})) if (typeof value === "string" || typeof value === "number") variables[key] = value;

  const { id, leaseToken } = await enqueue(
    {
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
    },
    { connector: connector?.id ?? "unconfigured" },
  );
  const delivery = await attempt(id, leaseToken!, { connector });
  if (delivery?.status === "sent") return { ok: true, messageId: id };
  if (!delivery) {
    // Only if the lease was taken over mid-attempt (an attempt outlived LEASE_MS); a worker owns it now.
    return { ok: false, messageId: id, retrying: true, errorCode: "transient", errorMessage: "The attempt took too long; the outbox will retry it." };
  }
  return { ok: false, messageId: id, retrying: delivery.status === "failed", errorCode: delivery.errorCode, errorMessage: delivery.errorMessage };
}

function maskCode(subject: string, code: string | undefined): string {
  return code ? subject.split(code).join("••••••") : subject;
}
