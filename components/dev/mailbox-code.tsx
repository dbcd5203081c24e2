import { getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/mfa/copy-button";

/** A code from an email, readable and selectable as it is, with a button to copy it once JavaScript runs. */
export async function MailboxCode({ code }: { code: string }) {
  const t = await getTranslations("mailbox");
  return (
    <span className="mailbox-code">
      <code>{code}</code>
      <CopyButton text={code} labels={{ copy: t("copy"), copied: t("copied"), failed: t("copyFailed") }} />
    </span>
  );
}
