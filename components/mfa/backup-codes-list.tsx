import { CopyButton } from "./copy-button";

type BackupCodesListProps = {
  codes: string[];
  /** What just happened, e.g. "New backup codes are ready." */
  message: string;
  /** Names the account in the downloaded file. */
  account: string;
};

/**
 * The one time backup codes are shown. The download is a data: URL, so it
 * works without JavaScript and the codes never touch another request.
 */
export function BackupCodesList({ codes, message, account }: BackupCodesListProps) {
  const file = [`Backup codes for ${account}`, "Each code works once.", "", ...codes, ""].join("\n");
  return (
    <section className="backup-codes stack" aria-labelledby="backup-codes-title">
      <div className="alert alert-ok" role="status">
        {message}
      </div>
      <h3 id="backup-codes-title">Your backup codes</h3>
      <p className="alert alert-warn">
        Save these codes now: they won&apos;t be shown again. Each one signs you in once when you can&apos;t use your other
        methods.
      </p>
      <ol className="backup-code-list" aria-label="Backup codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <a
          className="button button-secondary button-inline"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
          download="backup-codes.txt"
        >
          Download as text
        </a>
        <CopyButton text={codes.join("\n")} labels={{ copy: "Copy codes", copied: "Copied.", failed: "Couldn't copy: select the codes and copy them yourself." }} />
      </div>
    </section>
  );
}
