import type { SignInPreviewBranding } from "@/components/console/sign-in-preview";
import type { ActionState } from "@/lib/result";

/** What the preview beside the form shows: the sign-in card's branding and one email's HTML. */
export type BrandingPreview = { signIn: SignInPreviewBranding; emailHtml: string };

/** The shared ActionState (its `values`: the fields to show after a post) plus the preview of what was posted or saved. */
export type BrandingFormState = ActionState & {
  values?: Record<string, string>;
  preview?: BrandingPreview;
};
