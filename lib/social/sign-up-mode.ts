import type { SignInExperience } from "@/lib/settings/schema";
import type { SignUpMode } from "./callback";

/** Whether a social sign-in may create an account: the same switches as /sign-up. */
export function signUpMode(sie: SignInExperience): SignUpMode {
  if (!sie.signUp.emailPassword) return "closed";
  return sie.signUp.mode === "invitation" ? "invitation" : "open";
}
