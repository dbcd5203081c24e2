import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CodeForm } from "@/components/code-form";
import { getEmailChange } from "@/lib/account/email-change";
import { getSettings } from "@/lib/settings/get-settings";
import { codeFormLabels } from "@/app/(auth)/code-form-labels";
import { requireAccountUser } from "../../guard";
import { confirmEmailChangeAction, resendEmailChangeCodeAction } from "../actions";
import { readEmailChangeCookie } from "../change-cookie";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountEmail"))("verifyTitle") };
}

/** Step 2 of an email change; without a live change (expired, other session) it goes back to the start. */
export default async function EmailChangeVerifyPage() {
  const user = await requireAccountUser();
  const [pending, { signInExperience: sie }, t, labels] = await Promise.all([
    readEmailChangeCookie().then((id) => getEmailChange(user, id)), getSettings(), getTranslations("accountEmail"), codeFormLabels(),
  ]);
  if (!pending) redirect("/account/email");
  return (
    <div className="stack account-page account-narrow">
      <header>
        <h1>{t("verifyTitle")}</h1>
        <p className="muted">
          {t.rich("verifyLead", { email: pending.email, minutes: Math.round(sie.otp.ttlSeconds / 60), strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      </header>
      <CodeForm
        verifyAction={confirmEmailChangeAction}
        resendAction={resendEmailChangeCodeAction}
        resendInSeconds={pending.resendInSeconds}
        cooldownSeconds={sie.otp.resendCooldownSeconds}
        labels={labels}
      />
      <div className="links">
        <Link href="/account/email">{t("differentEmail")}</Link>
      </div>
    </div>
  );
}
