"use client";

import { useState, useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * Copies `text` to the clipboard. Rendered only once JavaScript runs; the
 * download link next to it is what works without.
 */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
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
        {copied === true ? "Copied." : copied === false ? "Couldn't copy: select the codes and copy them yourself." : ""}
      </span>
    </>
  );
}
