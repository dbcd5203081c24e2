import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { SocialButtons } from "@/components/social-buttons";
import { getCurrentUser } from "@/lib/auth/current-user";
import { withNext } from "@/lib/auth/return-to";
import { safeReturnPath } from "@/lib/security/safe-redirect";
import { getSettings } from "@/lib/settings/get-settings";
import { enabledSocialButtons } from "@/lib/social/store";
import type { SignInExperience } from "@/lib/settings/schema";
import { passwordSignInAction, requestSignInCodeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

/**
 * `?next=/path`: where to land once signed in (an invitation's page sends
 * people here); checked, carried through the form, and kept on the links to
 * the other ways of signing in.
 */
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ method?: string; next?: string }> }) {
  const { method, next: rawNext } = await searchParams;
  const next = safeReturnPath(rawNext);
  if (await getCurrentUser()) redirect(next ?? "/");
  const [{ signInExperience: sie }, buttons, t, social] = await Promise.all([getSettings(), enabledSocialButtons(), getTranslations("signIn"), getTranslations("social")]);
  const useCode = sie.signIn.emailCode && (method === "code" || !sie.signIn.password);
  const hidden = next ? { next } : undefined;
  return (
    <div className="stack">
      <div>
        <h1>{t("title")}</h1>
        <p className="muted">{useCode ? t("leadCode") : t("leadPassword")}</p>
        {next?.startsWith("/invite/") ? <p className="muted">{t("invitationNote")}</p> : null}
      </div>
      <SocialButtons buttons={buttons} next={next} labels={{ continueWith: social.raw("continueWith") as string, or: social("or") }} />
      {/* Keyed by method: the two forms sit in one place, and one's error must not show on the other after switching. */}
      {useCode ? (
        <AuthForm
          key="code"
          autoFocus
          action={requestSignInCodeAction}
          fields={[{ name: "email", label: t("email"), type: "email", autoComplete: "email" }]}
          submitLabel={t("sendCode")}
          pendingLabel={t("sending")}
          hidden={hidden}
        />
      ) : sie.signIn.password ? (
        <AuthForm
          key="password"
          autoFocus
          action={passwordSignInAction}
          fields={[
            { name: "email", label: t("email"), type: "email", autoComplete: "username" },
            { name: "password", label: t("password"), type: "password", autoComplete: "current-password" },
          ]}
          submitLabel={t("submit")}
          pendingLabel={t("signingIn")}
          hidden={hidden}
        />
      ) : (
        <p role="alert">{t("turnedOff")}</p>
      )}
      <div className="links">
        {useCode && sie.signIn.password ? <Link href={withNext("/sign-in", next)}>{t("usePassword")}</Link> : null}
        {!useCode && sie.signIn.emailCode ? <Link href={withNext("/sign-in?method=code", next)}>{t("useCode")}</Link> : null}
        {sie.forgotPassword.emailCode ? <Link href={withNext("/forgot-password", next)}>{t("forgot")}</Link> : null}
      </div>
      <SignUpLink signUp={sie.signUp} t={t} />
    </div>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<"signIn">>>;

/** The way to a new account: the sign-up page, or in invitation-only mode what to do instead (SIGN_UP_BY_INVITATION). */
function SignUpLink({ signUp, t }: { signUp: SignInExperience["signUp"]; t: Translate }) {
  if (!signUp.emailPassword) return null;
  if (signUp.mode === "invitation") return <p className="muted">{t("byInvitation")}</p>;
  return (
    <p className="muted">
      {t("newHere")} <Link href="/sign-up">{t("createAccount")}</Link>
    </p>
  );
}
