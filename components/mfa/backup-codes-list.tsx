"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("accountClient");
  const file = [t("backupFileTitle", { account }), t("backupFileNote"), "", ...codes, ""].join("\n");
  return (
    <section className="backup-codes stack" aria-labelledby="backup-codes-title">
      <div className="alert alert-ok" role="status">
        {message}
      </div>
      <h3 id="backup-codes-title">{t("backupTitle")}</h3>
      <p className="alert alert-warn">
        {t("backupWarning")}
      </p>
      <ol className="backup-code-list" aria-label={t("backupListLabel")}>
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
          {t("download")}
        </a>
        <CopyButton text={codes.join("\n")} labels={{ copy: t("copyCodes"), copied: t("copied"), failed: t("copyFailed") }} />
      </div>
    </section>
  );
}
