import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { verifyHref } from "./safe-next";

/**
 * Shown instead of a sensitive form while this session has no fresh
 * "Confirm it's you": one link that comes back here afterwards. `task` is
 * the page's own words for what needs it ("change your email").
 */
export async function StepUpPrompt({ next, task }: { next: string; task: string }) {
  const t = await getTranslations("account");
  return (
    <div className="account-step-up stack">
      <p>{t("stepUpLead", { task })}</p>
      <p>
        <Link className="button button-inline" href={verifyHref(next)}>
          {t("stepUpButton")}
        </Link>
      </p>
    </div>
  );
}
