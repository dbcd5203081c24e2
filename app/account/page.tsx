import type { Metadata } from "next";
import Link from "next/link";
import { FormAlert } from "@/components/field";
import { ProfileForm } from "@/components/account/profile-form";
import { updateProfileAction } from "./actions";
import { requireAccountUser, requireProfile } from "./guard";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireAccountUser();
  const [profile, { saved }] = await Promise.all([requireProfile(user), searchParams]);
  return (
    <div className="stack account-page">
      <header>
        <h1>Profile</h1>
        <p className="muted">
          Your email address is <strong>{profile.email}</strong>. <Link href="/account/email">Change it</Link> on the Email page.
        </p>
      </header>
      {saved ? <FormAlert message="Profile saved." /> : null}
      {profile.avatarUrl ? (
        <div className="account-avatar">
          {/* eslint-disable-next-line @next/next/no-img-element -- user-supplied URL, any https host */}
          <img src={profile.avatarUrl} alt="Your avatar" width={64} height={64} referrerPolicy="no-referrer" />
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
