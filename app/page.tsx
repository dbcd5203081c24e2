import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BrandMark } from "@/components/brand-mark";
import { FormAlert } from "@/components/field";
import { LanguageSwitcher } from "@/components/language-switcher";
import { needsMfaSetup } from "@/lib/account/mfa";
import { getCurrentAdmin } from "@/lib/auth/current-admin";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { siteBrandOf } from "@/lib/branding/site-brand";
import { isDevMailboxEnabled } from "@/lib/connectors/dev/mailbox";
import { getSettings } from "@/lib/settings/get-settings";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";

const FEATURES = ["featurePassword", "featureMfa", "featureOrgs", "featureSocial", "featureAccount"] as const;

/** The front page: what this is and a way in when signed out; who you are and where to go when signed in. */
export default async function HomePage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const [user, { branding }, { deleted }] = await Promise.all([getCurrentUser(), getSettings(), searchParams]);
  // Every sign-in lands here: when the admin requires two-step verification, set it up first.
  if (user && (await needsMfaSetup(user.id))) redirect("/account/security?required=1");
  const brand = siteBrandOf(branding);
  return (
    <main id="main" tabIndex={-1} className="auth-shell branded" style={brand.style}>
      <div className="auth-column home-column">
        <div className="card stack home-card">
          <BrandMark brand={brand} />
          {user ? <SignedIn user={user} /> : <SignedOut deleted={Boolean(deleted)} />}
        </div>
        <LanguageSwitcher />
      </div>
    </main>
  );
}

async function SignedOut({ deleted }: { deleted: boolean }) {
  const t = await getTranslations("home");
  return (
    <>
      {deleted ? <FormAlert message={t("deleted")} /> : null}
      <div>
        <h1>{t("tagline")}</h1>
        <p className="muted">{t("lead")}</p>
      </div>
      <ul className="home-features" aria-label={t("featuresLabel")}>
        {FEATURES.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <div className="button-row">
        <Link className="button button-inline" href="/sign-in">
          {t("signIn")}
        </Link>
        <Link className="button button-secondary button-inline" href="/sign-up">
          {t("createAccount")}
        </Link>
      </div>
    </>
  );
}

async function SignedIn({ user }: { user: CurrentUser }) {
  const [t, admin] = await Promise.all([getTranslations("home"), getCurrentAdmin()]);
  const places = [
    { href: "/account", label: t("account"), hint: t("accountHint") },
    { href: "/orgs", label: t("orgs"), hint: t("orgsHint") },
    ...(admin ? [{ href: "/console", label: t("console"), hint: t("consoleHint") }] : []),
    // Wherever the dev mailbox is on: in development, or a demo that opted in (lib/connectors/dev/mailbox.ts).
    ...(isDevMailboxEnabled() ? [{ href: "/dev/mailbox", label: t("devMailbox"), hint: t("devMailboxHint") }] : []),
  ];
  return (
    <>
      <div>
        <h1>{user.name ? t("greeting", { name: user.name }) : t("greetingNoName")}</h1>
        <p className="muted">{t.rich("signedInAs", { email: user.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </div>
      <nav aria-label={t("placesLabel")}>
        <ul className="home-places">
          {places.map((place) => (
            <li key={place.href}>
              <Link href={place.href}>{place.label}</Link>
              <span className="muted">{place.hint}</span>
            </li>
          ))}
        </ul>
      </nav>
      <form action={signOutAction}>
        <button className="button button-secondary" type="submit">
          {t("signOut")}
        </button>
      </form>
    </>
  );
}
