import Link from "next/link";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { maskEmail } from "@/emails/components/mask-email";
import { CodeForm } from "@/components/code-form";
import { readFlowCookie, type FlowKind } from "@/lib/auth/flow";
import { getCodePageState } from "@/lib/auth/resend-code";
import { DELIVERY_DELAYED, DELIVERY_FAILED } from "@/lib/otp/messages";
import type { ActionState } from "@/lib/result";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

type CodeStepProps = {
  kind: FlowKind;
  title: string;
  startPath: string;
  verifyAction: Action;
  resendAction: Action;
  /** Show the address masked: an invitation's address was not typed by whoever holds the link. */
  masked?: boolean;
  /** @default "Use a different email" */
  startLabel?: string;
  /** A paragraph before "We sent a code…" (why this code is asked for). */
  lead?: ReactNode;
  /** Shown as a warning above the form (the first code could not be sent). */
  warning?: string;
};

/** The code page of a flow; without a live flow it sends the user back to the start. */
export async function CodeStep(props: CodeStepProps) {
  const state = await getCodePageState(props.kind, await readFlowCookie());
  if (!state) redirect(props.startPath);
  return (
    <div className="stack">
      <div>
        <h1>{props.title}</h1>
        {props.lead}
        <p className="muted">
          We sent a code to <strong>{props.masked ? maskEmail(state.email) : state.email}</strong>. It expires in {state.ttlMinutes} minutes. Check your spam folder if it
          doesn&apos;t arrive.
        </p>
      </div>
      {props.warning ? (
        <p className="alert alert-warn" role="status">
          {props.warning}
        </p>
      ) : null}
      {state.delivery === "delayed" ? (
        <p className="alert alert-warn" role="status">
          {DELIVERY_DELAYED}
        </p>
      ) : state.delivery === "failed" ? (
        <p className="alert alert-error" role="alert">
          {DELIVERY_FAILED}
        </p>
      ) : null}
      <CodeForm
        verifyAction={props.verifyAction}
        resendAction={props.resendAction}
        resendInSeconds={state.resendInSeconds}
        cooldownSeconds={state.cooldownSeconds}
      />
      <div className="links">
        <Link href={props.startPath}>{props.startLabel ?? "Use a different email"}</Link>
      </div>
    </div>
  );
}
