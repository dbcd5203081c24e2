import { getTranslations } from "next-intl/server";
import type { CodeFormLabels } from "@/components/code-form";

/** CodeForm's words in the request's language (messages/*.json, codeStep). */
export async function codeFormLabels(): Promise<CodeFormLabels> {
  const t = await getTranslations("codeStep");
  return {
    code: t("codeLabel"),
    verify: t("verify"),
    checking: t("checking"),
    resend: t("resend"),
    // Filled in by the form as the countdown runs.
    resendIn: t.raw("resendIn") as string,
    sending: t("sending"),
    reloadToResend: t("reloadToResend"),
  };
}
