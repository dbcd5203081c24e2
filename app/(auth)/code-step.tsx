import Link from "next/link";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { maskEmail } from "@/emails/components/mask-email";
import { CodeForm } from "@/components/code-form";
import { readFlowCookie, type FlowKind } from "@/lib/auth/flow";
import { getCodePageState } from "@/lib/auth/resend-code";
import type { ActionState } from "@/lib/result";
import { codeFormLabels } from "./code-form-labels";

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
  const [t, lib] = await Promise.all([getTranslations("codeStep"), getTranslations("lib")]);
  return (
    <div className="stack">
      <div>
        <h1>{props.title}</h1>
        {props.lead}
        <p className="muted">
          {t.rich("sentTo", {
            email: props.masked ? maskEmail(state.email) : state.email,
            minutes: state.ttlMinutes,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      </div>
      {props.warning ? (
        <p className="alert alert-warn" role="status">
          {props.warning}
        </p>
      ) : null}
      {state.delivery === "delayed" ? (
        <p className="alert alert-warn" role="status">
          {lib("deliveryDelayed")}
        </p>
      ) : state.delivery === "failed" ? (
        <p className="alert alert-error" role="alert">
          {lib("deliveryFailed")}
        </p>
      ) : null}
      <CodeForm
        verifyAction={props.verifyAction}
        resendAction={props.resendAction}
        resendInSeconds={state.resendInSeconds}
        cooldownSeconds={state.cooldownSeconds}
        labels={await codeFormLabels()}
      />
      <div className="links">
        <Link href={props.startPath}>{props.startLabel ?? t("differentEmail")}</Link>
      </div>
    </div>
  );
}
