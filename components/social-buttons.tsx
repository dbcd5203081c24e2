import { socialSignInAction } from "@/app/(auth)/sign-in/social/actions";
import type { SocialButton } from "@/lib/social/types";

/**
 * One button per enabled social connector, each a plain form posting to a
 * server action, so it works without JavaScript. `next`: where the sign-in
 * returns to (an invitation's page).
 */
export function SocialButtons({ buttons, next }: { buttons: SocialButton[]; next?: string | null }) {
  if (buttons.length === 0) return null;
  return (
    <div className="stack social-buttons">
      {buttons.map((button) => (
        <form key={button.id} action={socialSignInAction}>
          <input type="hidden" name="connector" value={button.id} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <button type="submit" className="button button-secondary">
            Continue with {button.name}
          </button>
        </form>
      ))}
      <p className="muted social-or">or</p>
    </div>
  );
}
