"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { field, formAction } from "@/lib/action";
import { anyone } from "@/lib/action-guards";
import { chooseLocale, switcherReturnPath } from "@/lib/i18n/switch-locale";

/** The language switcher (components/language-switcher.tsx): a plain form, so it works without JavaScript. */
export const switchLanguageAction = formAction({ guard: anyone, input: z.object({ locale: field(16), path: field(600) }) }, async ({ input }) => {
  await chooseLocale(input.locale);
  redirect(switcherReturnPath(input.path));
});
