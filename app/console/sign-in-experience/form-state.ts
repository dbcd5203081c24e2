import type { ActionState } from "@/lib/result";

/** The shared ActionState plus the values to show after a post (the input on an error, the saved values on success). */
export type SignInExperienceFormState = ActionState & { values?: Record<string, string> };
