import type { OutboxStatus } from "@/lib/mail/outbox";

const LABELS: Record<OutboxStatus, { label: string; title: string }> = {
  queued: { label: "Queued", title: "Waiting for the worker" },
  sending: { label: "Sending", title: "An attempt is under way" },
  sent: { label: "Sent", title: "The provider accepted it" },
  failed: { label: "Failed", title: "The last attempt failed; it will be retried" },
  dead: { label: "Dead", title: "Given up: it will not be retried unless you retry it" },
};

/** The status as a word (never colour alone), with what it means on hover. */
export function StatusBadge({ status }: { status: OutboxStatus }) {
  const { label, title } = LABELS[status];
  return (
    <span className={`delivery-status delivery-status-${status}`} title={title}>
      {label}
    </span>
  );
}

export const statusLabel = (status: OutboxStatus) => LABELS[status].label;
