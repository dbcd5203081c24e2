import { isNoticeKind } from "@/emails/kinds";
import { CODE_PATTERN, isEmailKind } from "@/lib/mail/deliveries-view";

/**
 * The code a code email carries, as people type it (digits only), for the
 * dev mailbox's copy button: from the subject, where code emails put it
 * first, else from the text. Notices carry none (a number in one is not a code).
 */
export function codeOf(message: { subject: string; text?: string }, kind: string | undefined): string | null {
  if (kind && isEmailKind(kind) && isNoticeKind(kind)) return null;
  for (const source of [message.subject, message.text ?? ""]) {
    const match = CODE_PATTERN.exec(source);
    if (match) return match[0].replace(/\D/g, "");
  }
  return null;
}

/** `2026-12-07 05:22:08 UTC`: the same on the server and in every reader's browser. */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
