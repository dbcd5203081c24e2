import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SuppressionReason } from "@/lib/deliverability/suppressions";

/**
 * Shown on every account page while the signed-in user's address is on the
 * suppression list (app/account/layout.tsx looks it up): no code or notice
 * reaches them there, so they are asked to move to another address.
 */
export async function SuppressionBanner({ email, reason }: { email: string; reason: SuppressionReason }) {
  const t = await getTranslations("account");
  return (
    <div className="alert alert-warn account-suppressed" role="status">
      <p>
        {t.rich(reason === "complaint" ? "suppressedComplaint" : "suppressedBounce", { email, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
        <Link href="/account/email">{t("suppressedChange")}</Link>
      </p>
    </div>
  );
}
