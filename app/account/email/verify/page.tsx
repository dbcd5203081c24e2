import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CodeForm } from "@/components/code-form";
import { getEmailChange } from "@/lib/account/email-change";
import { getSettings } from "@/lib/settings/get-settings";
import { requireAccountUser } from "../../guard";
import { confirmEmailChangeAction, resendEmailChangeCodeAction } from "../actions";
import { readEmailChangeCookie } from "../change-cookie";

export const metadata: Metadata = { title: "Confirm your new email" };

/** Step 2 of an email change; without a live change (expired, other session) it goes back to the start. */
export default async function EmailChangeVerifyPage() {
  const user = await requireAccountUser();
  const [pending, { signInExperience: sie }] = await Promise.all([readEmailChangeCookie().then((id) => getEmailChange(user, id)), getSettings()]);
  if (!pending) redirect("/account/email");
  return (
    <div className="stack account-page account-narrow">
      <header>
        <h1>Confirm your new email</h1>
        <p className="muted">
          We sent a code to <strong>{pending.email}</strong>. It expires in {Math.round(sie.otp.ttlSeconds / 60)} minutes. Check your
          spam folder if it doesn&apos;t arrive.
        </p>
      </header>
      <CodeForm
        verifyAction={confirmEmailChangeAction}
        resendAction={resendEmailChangeCodeAction}
        resendInSeconds={pending.resendInSeconds}
        cooldownSeconds={sie.otp.resendCooldownSeconds}
      />
      <div className="links">
        <Link href="/account/email">Use a different email</Link>
      </div>
    </div>
  );
}
