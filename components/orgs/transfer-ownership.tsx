import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/account/action-button";
import type { MemberListItem } from "@/lib/orgs/list-members";
import type { ActionState } from "@/lib/result";
import { memberName } from "./members-table";

type Props = {
  base: string;
  orgName: string;
  /** The members who could become owner (not the viewer, not owners already). */
  candidates: MemberListItem[];
  /** The one picked in the first step (`?transfer=<userId>`), to confirm. */
  chosen: MemberListItem | undefined;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
};

/**
 * Handing ownership over, in two steps that work without JavaScript: a GET
 * form picks the member, then the page asks to confirm what will happen
 * before the POST that does it.
 */
export async function TransferOwnership({ base, orgName, candidates, chosen, action }: Props) {
  const t = await getTranslations("orgMembers");
  if (chosen) {
    return (
      <div className="stack account-danger-panel" role="group" aria-labelledby="transfer-confirm">
        <p id="transfer-confirm" style={{ margin: 0 }}>
          {t.rich("transferConfirm", { name: memberName(chosen), email: chosen.email, org: orgName, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
        <div className="button-row">
          <ActionButton action={action} hidden={{ userId: chosen.userId }} label={t("transfer")} pendingLabel={t("handingOver")} variant="danger" />
          <Link href={base}>{t("cancel")}</Link>
        </div>
      </div>
    );
  }
  if (candidates.length === 0) return <p className="muted" style={{ margin: 0 }}>{t("inviteFirst")}</p>;
  return (
    <form method="get" action={base} className="org-inline-form">
      <label htmlFor="transfer-to">{t("newOwner")}</label>
      <select id="transfer-to" name="transfer" required>
        {candidates.map((m) => (
          <option key={m.userId} value={m.userId}>
            {memberName(m)}{m.name ? ` (${m.email})` : ""}
          </option>
        ))}
      </select>
      <button className="button button-secondary button-inline account-button-small" type="submit">{t("continue")}</button>
    </form>
  );
}
