"use server";

import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/admin";
import { requeue } from "@/lib/mail/outbox";
import type { ActionState } from "@/lib/result";

const ORIGIN = "http://console.invalid";

/** Back to the page the admin retried from (list with its filters, or the message's page); never anywhere else. */
function backWithNotice(back: FormDataEntryValue | null): string {
  let url: URL;
  try {
    url = new URL(typeof back === "string" ? back : "", ORIGIN);
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
export async function retryDeliveryAction(_: ActionState, form: FormData): Promise<ActionState> {
  // Actions are reachable without their page: check again.
  await requireAdmin();
  const id = form.get("id");
  if (typeof id !== "string" || id === "") return { status: "error", formError: "No message was chosen." };
  const result = await requeue(id);
  if (!result.ok) return { status: "error", formError: result.reason };
  redirect(backWithNotice(form.get("back")));
}
