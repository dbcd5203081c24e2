"use server";

import { redirect } from "next/navigation";
import { action } from "@/lib/action";
import { admin as guard } from "@/lib/action-guards";
import { deleteConnector } from "@/lib/connectors/store";
import { errorState } from "@/lib/result";

/**
 * Deletes the console's connector; email falls back to the environment's.
 * Refused (with the features named) while anything still sends email.
 */
export const deleteConnectorAction = action({ guard }, async () => {
  const result = await deleteConnector();
  if (!result.ok) return errorState(result);
  redirect("/console/connectors?deleted=1");
});
