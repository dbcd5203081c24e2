"use client";

import { useState, useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

type Props = {
  text: string;
  label?: string;
  /** What the status line says once copied, and when the browser refused. */
  copiedText?: string;
  failedText?: string;
};

/**
 * Copies `text` to the clipboard. Rendered only once JavaScript runs; the
 * text itself stays on the page (or a download link) for when it doesn't.
 */
export function CopyButton({ text, label = "Copy", copiedText = "Copied.", failedText = "Couldn't copy: select the codes and copy them yourself." }: Props) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const [copied, setCopied] = useState<boolean | null>(null);
  if (!hydrated) return null;
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <>
      <button type="button" className="button button-secondary button-inline" onClick={copy}>
        {label}
      </button>
      <span role="status" className="muted">
        {copied === true ? copiedText : copied === false ? failedText : ""}
      </span>
    </>
  );
}
