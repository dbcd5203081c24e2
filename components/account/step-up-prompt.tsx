import Link from "next/link";
import { verifyHref } from "./safe-next";

/**
 * Shown instead of a sensitive form while this session has no fresh
 * "Confirm it's you": one link that comes back here afterwards.
 */
export function StepUpPrompt({ next, task }: { next: string; task: string }) {
  return (
    <div className="account-step-up stack">
      <p>
        To {task}, first confirm it&apos;s you with your password or a code we email you. It stays valid for 10 minutes and one
        change.
      </p>
      <p>
        <Link className="button button-inline" href={verifyHref(next)}>
          Confirm it&apos;s you
        </Link>
      </p>
    </div>
  );
}
