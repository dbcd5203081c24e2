import { getTranslations } from "next-intl/server";
import { UNKNOWN_OUTCOME } from "@/lib/mail/deliveries-view";
import type { OutboxStatus } from "@/lib/mail/outbox";

type Translate = Awaited<ReturnType<typeof getTranslations<"consoleDeliveries">>>;

/** A status's word and what it means (`consoleDeliveries.statuses.*`); failed or dead after a send never answered is "Outcome unknown", not a refusal. */
function statusWords(t: Translate, status: OutboxStatus, errorCode?: string | null): { label: string; title: string } {
  const unknown = errorCode === UNKNOWN_OUTCOME && (status === "failed" || status === "dead");
  const key = unknown ? (`${status}Unknown` as const) : status;
  return { label: t(`statuses.${key}.label`), title: t(`statuses.${key}.title`) };
}

/** The status as a word (never colour alone), with what it means on hover. */
export async function StatusBadge({ status, errorCode }: { status: OutboxStatus; errorCode?: string | null }) {
  const { label, title } = statusWords(await getTranslations("consoleDeliveries"), status, errorCode);
  return (
    <span className={`delivery-status delivery-status-${status}`} title={title}>
      {label}
    </span>
  );
}

export const statusLabel = (t: Translate, status: OutboxStatus) => t(`statuses.${status}.label`);
