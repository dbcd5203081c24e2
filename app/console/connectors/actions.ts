"use server";

import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/admin";
import { deleteConnector } from "@/lib/connectors/store";
import { errorState, type ActionState } from "@/lib/result";

/**
 * Deletes the console's connector; email falls back to the environment's.
 * Refused (with the features named) while anything still sends email.
 */
export async function deleteConnectorAction(): Promise<ActionState> {
  // Actions are reachable without their page: check again.
  await requireAdmin();
  const result = await deleteConnector();
  if (!result.ok) return errorState(result);
  redirect("/console/connectors?deleted=1");
}
