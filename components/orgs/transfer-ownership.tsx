import Link from "next/link";
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
export function TransferOwnership({ base, orgName, candidates, chosen, action }: Props) {
  if (chosen) {
    return (
      <div className="stack account-danger-panel" role="group" aria-labelledby="transfer-confirm">
        <p id="transfer-confirm" style={{ margin: 0 }}>
          Make <strong>{memberName(chosen)}</strong> ({chosen.email}) an owner of {orgName}? You&apos;ll become an admin: you
          can still manage members, but only an owner can make you an owner again or delete the organization.
        </p>
        <div className="button-row">
          <ActionButton action={action} hidden={{ userId: chosen.userId }} label="Transfer ownership" pendingLabel="Handing over…" variant="danger" />
          <Link href={base}>Cancel</Link>
        </div>
      </div>
    );
  }
  if (candidates.length === 0) return <p className="muted" style={{ margin: 0 }}>Invite someone first: ownership goes to another member.</p>;
  return (
    <form method="get" action={base} className="org-inline-form">
      <label htmlFor="transfer-to">New owner</label>
      <select id="transfer-to" name="transfer" required>
        {candidates.map((m) => (
          <option key={m.userId} value={m.userId}>
            {memberName(m)}{m.name ? ` (${m.email})` : ""}
          </option>
        ))}
      </select>
      <button className="button button-secondary button-inline account-button-small" type="submit">Continue</button>
    </form>
  );
}
