import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { failing } from "@/lib/deliverability/diagnose";
import { getDeliverabilityReport } from "@/lib/deliverability/get-report";

/**
 * The connector page's warning while a sender domain check fails, linking
 * to the checks. Nothing when all pass, or when they cannot be run (that
 * page says why).
 */
export async function DeliverabilityBadge() {
  const report = await getDeliverabilityReport().catch(() => null);
  const count = report ? failing(report) : 0;
  if (count === 0) return null;
  const t = await getTranslations("deliverability");
  return (
    <Link className="badge badge-warn" href="/console/deliverability">
      {t("badge", { count })}
    </Link>
  );
}
