import "server-only";
import type { Tx } from "@/lib/db";

/** The outbox error code of an invitation email that was not sent because the invitation was revoked, resent or deleted. */
export const WITHDRAWN = "withdrawn";

/**
 * Ends an invitation email still waiting in the outbox (queued, or failed
 * and due for a retry): its link no longer works, so it must not go out
 * later. One being attempted right now (sending) is left to finish.
 */
export async function withdrawInvitationEmail(tx: Tx, messageIds: string | string[]): Promise<void> {
  const ids = Array.isArray(messageIds) ? messageIds : [messageIds];
  if (ids.length === 0) return;
  await tx.emailMessage.updateMany({
    where: { id: { in: ids }, status: { in: ["queued", "failed"] } },
    data: { status: "dead", errorCode: WITHDRAWN, errorMessage: "The invitation was revoked or sent again before this email left.", body: null, nextAttemptAt: null },
  });
}
