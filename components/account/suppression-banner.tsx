import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { findSuppression } from "@/lib/deliverability/suppressions";

/**
 * Shown on every account page while the signed-in user's address is on the
 * suppression list: no code or notice reaches them there, so they are asked
 * to move to another address. One primary-key look-up per page.
 */
export async function SuppressionBanner({ email }: { email: string }) {
  const entry = await findSuppression(email);
  if (!entry) return null;
  const t = await getTranslations("account");
  return (
    <div className="alert alert-warn account-suppressed" role="status">
      <p>
        {t.rich(entry.reason === "complaint" ? "suppressedComplaint" : "suppressedBounce", { email, strong: (chunks) => <strong>{chunks}</strong> })}{" "}
        <Link href="/account/email">{t("suppressedChange")}</Link>
      </p>
    </div>
  );
}
