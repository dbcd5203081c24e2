import { UNKNOWN_OUTCOME } from "@/lib/mail/deliveries-view";
import type { OutboxStatus } from "@/lib/mail/outbox";

const LABELS: Record<OutboxStatus, { label: string; title: string }> = {
  queued: { label: "Queued", title: "Waiting for the worker" },
  sending: { label: "Sending", title: "An attempt is under way" },
  sent: { label: "Sent", title: "The provider accepted it" },
  failed: { label: "Failed", title: "The last attempt failed; it will be retried" },
  dead: { label: "Dead", title: "Given up: it will not be retried unless you retry it" },
};

/** Failed or dead after a send that was handed over and never answered: not the same as a refusal. */
const OUTCOME_UNKNOWN: Partial<Record<OutboxStatus, { label: string; title: string }>> = {
  failed: { label: "Outcome unknown", title: "Handed over without an answer: it may have been delivered; tried once more later" },
  dead: { label: "Outcome unknown", title: "Handed over without an answer (twice, or no time left): it may have been delivered" },
};

/** The status as a word (never colour alone), with what it means on hover. */
export function StatusBadge({ status, errorCode }: { status: OutboxStatus; errorCode?: string | null }) {
  const { label, title } = (errorCode === UNKNOWN_OUTCOME && OUTCOME_UNKNOWN[status]) || LABELS[status];
  return (
    <span className={`delivery-status delivery-status-${status}`} title={title}>
      {label}
    </span>
  );
}

export const statusLabel = (status: OutboxStatus) => LABELS[status].label;
