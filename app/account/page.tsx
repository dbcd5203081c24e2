import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/field";
import { ProfileForm } from "@/components/account/profile-form";
import { updateProfileAction } from "./actions";
import { requireAccountUser, requireProfile } from "./guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountProfile"))("title") };
}

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireAccountUser();
  const [profile, { saved }, t] = await Promise.all([requireProfile(user), searchParams, getTranslations("accountProfile")]);
  return (
    <div className="stack account-page">
      <header>
        <h1>{t("title")}</h1>
        <p className="muted">
          {t.rich("lead", {
            email: profile.email,
            strong: (chunks) => <strong>{chunks}</strong>,
            link: (chunks) => <Link href="/account/email">{chunks}</Link>,
          })}
        </p>
      </header>
      {saved ? <FormAlert message={t("saved")} /> : null}
      {profile.avatarUrl ? (
        <div className="account-avatar">
          {/* eslint-disable-next-line @next/next/no-img-element -- user-supplied URL, any https host */}
          <img src={profile.avatarUrl} alt={t("avatarAlt")} width={64} height={64} referrerPolicy="no-referrer" />
        </div>
      ) : null}
      <ProfileForm
        key={saved ?? "profile"}
        action={updateProfileAction}
        profile={{ name: profile.name ?? "", avatarUrl: profile.avatarUrl ?? "", locale: profile.locale ?? "" }}
      />
    </div>
  );
}
