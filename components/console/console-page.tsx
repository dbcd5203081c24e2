import type { ReactNode } from "react";

/** A console page's frame: its heading and lead, then the page's own content. */
export function ConsolePage({ title, lead, children }: { title: ReactNode; lead?: ReactNode; children: ReactNode }) {
  return (
    <div className="stack console-page">
      <header>
        <h1>{title}</h1>
        {lead ? <p className="muted">{lead}</p> : null}
      </header>
      {children}
    </div>
  );
}
