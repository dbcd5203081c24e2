"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { field, formAction } from "@/lib/action";
import { admin as guard } from "@/lib/action-guards";
import { getDeliverabilityReport, parseSelectors } from "@/lib/deliverability/get-report";

/** Re-check: asks DNS again now (the cache is for page views, not for an operator who just changed a record). */
export const recheckDeliverabilityAction = formAction({ guard, input: z.object({ selectors: field(300) }) }, async ({ input }) => {
  const selectors = parseSelectors(input.selectors);
  // A failure here (no connector usable) is shown by the page it redirects to.
  await getDeliverabilityReport({ selectors, fresh: true }).catch(() => null);
  redirect(selectors.length > 0 ? `/console/deliverability?selectors=${encodeURIComponent(selectors.join(","))}` : "/console/deliverability");
});
