"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action, field } from "@/lib/action";
import { admin as guard } from "@/lib/action-guards";
import { requeue } from "@/lib/mail/outbox";
import { errorState } from "@/lib/result";

const ORIGIN = "http://console.invalid";

/** Back to the page the admin retried from (list with its filters, or the message's page); never anywhere else. */
function backWithNotice(back: string): string {
  let url: URL;
  try {
    url = new URL(back, ORIGIN);
  } catch {
    url = new URL("/console/deliveries", ORIGIN);
  }
  if (url.origin !== ORIGIN || !(url.pathname === "/console/deliveries" || url.pathname.startsWith("/console/deliveries/"))) {
    url = new URL("/console/deliveries", ORIGIN);
  }
  url.searchParams.set("retried", "1");
  return `${url.pathname}${url.search}`;
}

/**
 * An operator's retry of a failed or dead message: due now with a fresh
 * allowance of attempts (the worker sends it within a poll interval). The
 * outbox refuses sent, superseded and expired messages; its reason is shown.
 */
export const retryDeliveryAction = action({ guard, input: z.object({ id: field(200), back: field() }) }, async ({ input }) => {
  if (input.id === "") return { status: "error", formError: "No message was chosen." } as const;
  const result = await requeue(input.id);
  if (!result.ok) return errorState(result);
  redirect(backWithNotice(input.back));
});
