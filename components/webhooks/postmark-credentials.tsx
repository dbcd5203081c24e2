"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/field";
import { CopyButton } from "@/components/mfa/copy-button";
import { idle } from "@/lib/result";
import type { PostmarkState } from "@/app/console/webhooks/actions";

type Labels = { generate: string; regenerate: string; generating: string; replaces: string; shownOnce: string; urlLabel: string; copy: string; copied: string; copyFailed: string };

/**
 * "Generate credentials" for Postmark. The URL with the new password is in
 * this post's answer only (without JavaScript too: the page rendered with
 * the state); the page itself never has the password.
 */
export function PostmarkCredentials({ action, configured, labels }: { action: (state: PostmarkState, form: FormData) => Promise<PostmarkState>; configured: boolean; labels: Labels }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="stack">
      <FormAlert error={state.status === "error" ? state.formError : undefined} />
      {state.status === "generated" ? (
        <div className="alert alert-ok stack" role="status">
          <p>{labels.shownOnce}</p>
          <p className="webhook-url">
            <span className="muted">{labels.urlLabel}</span> <code>{state.url}</code>
          </p>
          <div>
            <CopyButton text={state.url} labels={{ copy: labels.copy, copied: labels.copied, failed: labels.copyFailed }} />
          </div>
        </div>
      ) : null}
      {configured || state.status === "generated" ? <p className="muted">{labels.replaces}</p> : null}
      <div>
        <button className={`button button-inline${configured || state.status === "generated" ? " button-secondary" : ""}`} type="submit" disabled={pending}>
          {pending ? labels.generating : configured || state.status === "generated" ? labels.regenerate : labels.generate}
        </button>
      </div>
    </form>
  );
}
