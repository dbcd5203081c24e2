import { startTransition, type FormEvent } from "react";

/**
 * onSubmit for a form with several buttons (`name="intent"`) whose inputs
 * must survive the action: submitting through `action` makes React reset
 * uncontrolled inputs, so a secret typed for "Test" would be gone for
 * "Save". Without JavaScript the form posts as usual.
 */
export function submitKeepingInputs<I extends string>(formAction: (data: FormData) => void, onIntent: (intent: I) => void, fallback: I) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    onIntent(((data.get("intent") as I | null) ?? fallback) as I);
    startTransition(() => formAction(data));
  };
}
