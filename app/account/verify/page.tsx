import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { CodeForm } from "@/components/code-form";
import { ActionButton } from "@/components/account/action-button";
import { safeNext } from "@/components/account/safe-next";
import { readStepUpCookie } from "@/lib/account/step-up-cookie";
import { resendAvailableIn } from "@/lib/otp/issue-code";
import { getSettings } from "@/lib/settings/get-settings";
import { codeFormLabels } from "@/app/(auth)/code-form-labels";
import { requireProfile, requireUser } from "../guard";
import { confirmVerifyCodeAction, resendVerifyCodeAction, sendVerifyCodeAction, verifyPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountVerify"))("title") };
}

type Search = { next?: string; method?: string };

/**
 * Step-up before a sensitive change: the password, or a code to the current
 * address. Reachable while an admin-required MFA setup is due, since setting
 * it up needs this page too.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const search = await searchParams;
  const next = safeNext(search.next);
  const [profile, pending, t] = await Promise.all([requireProfile(user), readStepUpCookie(), getTranslations("accountVerify")]);
  const nextQuery = `next=${encodeURIComponent(next)}`;
  const codeStep = search.method === "code" && Boolean(pending);
  return (
    <div className="stack account-page account-narrow">
      <header>
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </header>
      {codeStep ? (
        <CodeStep email={user.email} next={next} />
      ) : (
        <>
          {profile.hasPassword ? (
            <AuthForm
              autoFocus
              action={verifyPasswordAction.bind(null, next)}
              fields={[{ name: "password", label: t("password"), type: "password", autoComplete: "current-password" }]}
              submitLabel={t("continue")}
              pendingLabel={t("checking")}
            />
          ) : null}
          <div className="stack">
            {profile.hasPassword ? <p className="muted account-or">{t("or")}</p> : null}
            <p className="muted" style={{ margin: 0 }}>
              {t.rich("willSend", { email: user.email, strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
            <ActionButton
              action={sendVerifyCodeAction.bind(null, next)}
              label={t("emailMe")}
              pendingLabel={t("sending")}
              variant={profile.hasPassword ? "secondary" : "primary"}
            />
          </div>
        </>
      )}
      <div className="links">
        {codeStep && profile.hasPassword ? <Link href={`/account/verify?${nextQuery}`}>{t("usePassword")}</Link> : null}
        <Link href={next}>{t("cancel")}</Link>
      </div>
    </div>
  );
}

async function CodeStep({ email, next }: { email: string; next: string }) {
  const [{ signInExperience: sie }, t, labels] = await Promise.all([getSettings(), getTranslations("accountVerify"), codeFormLabels()]);
  const resendInSeconds = await resendAvailableIn("UserPermissionValidation", email, sie.otp);
  return (
    <>
      <p>{t.rich("sent", { email, minutes: Math.round(sie.otp.ttlSeconds / 60), strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <CodeForm
        verifyAction={confirmVerifyCodeAction.bind(null, next)}
        resendAction={resendVerifyCodeAction}
        resendInSeconds={resendInSeconds}
        cooldownSeconds={sie.otp.resendCooldownSeconds}
        labels={labels}
      />
    </>
  );
}
