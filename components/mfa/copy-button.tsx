"use client";

import { useState, useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * Copies `text` to the clipboard. Rendered only once JavaScript runs; the
 * download link next to it is what works without.
 */
export function CopyButton({ text, labels }: { text: string; labels: { copy: string; copied: string; failed: string } }) {
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
        {labels.copy}
      </button>
      <span role="status" className="muted">
        {copied === true ? labels.copied : copied === false ? labels.failed : ""}
      </span>
    </>
  );
}
