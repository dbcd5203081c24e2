"use client";

import { useActionState, useEffect, useState } from "react";
import { idle, type ActionState } from "@/lib/result";
import { CodeInput } from "./code-input/code-input";
import { FormAlert } from "./field";
import { useSharedWords } from "./shared-words";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

type CodeFormProps = {
  verifyAction: Action;
  resendAction: Action;
  /** Seconds left on the server's cooldown when the page was rendered. */
  resendInSeconds: number;
  cooldownSeconds: number;
  /** The page's language (messages/*.json codeStep); English by default. */
  labels?: Partial<CodeFormLabels>;
};

export type CodeFormLabels = {
  code: string;
  verify: string;
  checking: string;
  resend: string;
  /** "{seconds}" is replaced by the seconds left. */
  resendIn: string;
  sending: string;
  reloadToResend: string;
};

const ENGLISH: CodeFormLabels = {
  code: "Verification code",
  verify: "Verify",
  checking: "Checking…",
  resend: "Resend code",
  resendIn: "Resend code in {seconds}s",
  sending: "Sending…",
  reloadToResend: "Reload this page after the countdown to resend.",
};

/**
 * The code step of every emailed code (sign-up, code sign-in, password
 * reset, invitations, social linking, MFA email, account checks). The code
 * field is six boxes once hydrated, one plain input before (CodeInput); a
 * wrong try keeps what was typed. The countdown starts from the server's own
 * cooldown, so it never says "resend" before the server would accept it. It
 * is not read out every second: screen readers hear once, politely, that a
 * new code can be sent.
 */
export function CodeForm({ verifyAction, resendAction, resendInSeconds, cooldownSeconds, labels }: CodeFormProps) {
  const l = { ...ENGLISH, ...labels };
  const { forms } = useSharedWords();
  const [state, formAction, pending] = useActionState(verifyAction, idle);
  const [resendState, resendFormAction, resending] = useActionState(resendAction, idle);
  const [deadline, setDeadline] = useState(() => Date.now() + resendInSeconds * 1000);
  const [now, setNow] = useState(() => Date.now());

  // A finished resend restarts the countdown (state adjusted during render,
  // as React recommends over an effect).
  const [seenResend, setSeenResend] = useState(resendState);
  if (seenResend !== resendState) {
    setSeenResend(resendState);
    const seconds = resendState.status === "ok" ? cooldownSeconds : resendState.status === "error" ? resendState.resendInSeconds : 0;
    if (seconds) {
      setDeadline(now + seconds * 1000);
    }
  }

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  // Announced only when a countdown this page showed has run out, not on arrival.
  const [counted, setCounted] = useState(left > 0);
  if (left > 0 && !counted) setCounted(true);
  return (
    <div className="stack">
      <form action={formAction} className="stack" noValidate>
        <FormAlert error={state.status === "error" ? state.formError : undefined} />
        <CodeInput
          label={l.code}
          autoFocus
          defaultValue={state.status === "error" ? state.values?.code : undefined}
          errors={state.status === "error" ? state.fieldErrors?.code : undefined}
        />
        <button className="button" type="submit" disabled={pending}>{pending ? l.checking : l.verify}</button>
      </form>
      <form action={resendFormAction} className="stack">
        <FormAlert
          error={resendState.status === "error" ? resendState.formError : undefined}
          message={resendState.status === "ok" ? resendState.message : undefined}
        />
        <button className="button button-secondary" type="submit" disabled={left > 0 || resending}>
          {left > 0 ? (
            <>
              <span aria-hidden="true">{l.resendIn.replace("{seconds}", String(left))}</span>
              <span className="code-form-sr-only">{l.resend}</span>
            </>
          ) : resending ? (
            l.sending
          ) : (
            l.resend
          )}
        </button>
        <p className="code-form-sr-only" role="status">
          {left === 0 && counted ? forms.resendReady : ""}
        </p>
        {left > 0 ? (
          <noscript>
            <p className="muted" style={{ margin: 0 }}>{l.reloadToResend}</p>
          </noscript>
        ) : null}
      </form>
    </div>
  );
}
