"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action, field } from "@/lib/action";
import { admin as guard } from "@/lib/action-guards";
import { removeSuppression } from "@/lib/deliverability/suppression-list";
import { errorState } from "@/lib/result";

/**
 * "Remove from the list", posted from the confirmation on the page (a form
 * that works without JavaScript). Back to the list with what was done; a
 * refusal (removed meanwhile) is shown by the button.
 */
export const removeSuppressionAction = action({ guard, input: z.object({ address: field(320) }) }, async ({ input }) => {
  const removed = await removeSuppression(input.address);
  if (!removed.ok) return errorState(removed);
  redirect(`/console/suppressions?${new URLSearchParams({ removed: input.address })}`);
});
