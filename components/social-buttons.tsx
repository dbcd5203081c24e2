import { socialStartPath } from "@/lib/social/start-sign-in";
import type { SocialButton } from "@/lib/social/types";

/**
 * One "Continue with <name>" per enabled social connector: links (a GET
 * that starts the provider's sign-in, lib/social/start-sign-in.ts), so they
 * work without JavaScript. `next`: where the sign-in returns to (an
 * invitation's page).
 */
type Labels = {
  /** "{name}" is replaced by the provider's name. */
  continueWith: string;
  or: string;
};

const ENGLISH: Labels = { continueWith: "Continue with {name}", or: "or" };

export function SocialButtons({ buttons, next, labels = ENGLISH }: { buttons: SocialButton[]; next?: string | null; labels?: Labels }) {
  if (buttons.length === 0) return null;
  return (
    <div className="stack social-buttons">
      {buttons.map((button) => (
        <a key={button.id} href={socialStartPath(button.id, next)} className="button button-secondary">
          {labels.continueWith.replace("{name}", button.name)}
        </a>
      ))}
      <p className="muted social-or">{labels.or}</p>
    </div>
  );
}
