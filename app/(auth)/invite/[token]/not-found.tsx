import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** An unknown or mistyped invitation link: nothing to say about whose it was, only what to do. */
export default async function InvitationNotFound() {
  const t = await getTranslations("invite");
  return (
    <div className="stack">
      <h1>{t("notFoundTitle")}</h1>
      <p role="status">{t("notFoundText")}</p>
      <div className="links">
        <Link href="/">{t("home")}</Link>
        <Link href="/sign-in">{t("signIn")}</Link>
      </div>
    </div>
  );
}
