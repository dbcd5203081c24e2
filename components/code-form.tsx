"use client";

import { useActionState, useEffect, useState } from "react";
import { idle, type ActionState } from "@/lib/result";
import { Field, FormAlert } from "./field";

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
 * The code step shared by sign-up, code sign-in and password reset. One
 * input takes the whole code (paste "123 456" works; the server cleans it).
 * The countdown starts from the server's own cooldown, so it never says
 * "resend" before the server would accept it.
 */
export function CodeForm({ verifyAction, resendAction, resendInSeconds, cooldownSeconds, labels }: CodeFormProps) {
  const l = { ...ENGLISH, ...labels };
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
  return (
    <div className="stack">
      <form action={formAction} className="stack" noValidate>
        <FormAlert error={state.status === "error" ? state.formError : undefined} />
        <Field
          name="code"
          label={l.code}
          className="code-input"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={16}
          required
          autoFocus
          errors={state.status === "error" ? state.fieldErrors?.code : undefined}
        />
        <button className="button" type="submit" disabled={pending}>{pending ? l.checking : l.verify}</button>
      </form>
      <form action={resendFormAction} className="stack">
        <FormAlert
          error={resendState.status === "error" ? resendState.formError : undefined}
          message={resendState.status === "ok" ? resendState.message : undefined}
        />
        <button className="button button-secondary" type="submit" disabled={left > 0 || resending} aria-live="polite">
          {left > 0 ? l.resendIn.replace("{seconds}", String(left)) : resending ? l.sending : l.resend}
        </button>
        {left > 0 ? (
          <noscript>
            <p className="muted" style={{ margin: 0 }}>{l.reloadToResend}</p>
          </noscript>
        ) : null}
      </form>
    </div>
  );
}
