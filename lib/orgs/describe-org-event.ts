import { isOrgRole, ROLE_LABELS } from "./permissions";

type Detail = Record<string, string | number | boolean>;

/**
 * The activity sentence of an organization event, from the actor's side
 * ("Invited someone to Acme as Admin"); null for any other event type. The
 * organization's name is kept in the detail because the event outlives a
 * deleted organization; addresses are never stored (lib/account/audit.ts).
 * A console admin's change (`detail.console`) says where it came from.
 */
export function describeOrgEvent(type: string, detail: Detail): string | null {
  const sentence = describe(type, detail);
  return sentence && detail.console === true ? `${sentence} from the admin console` : sentence;
}

function describe(type: string, detail: Detail): string | null {
  const org = typeof detail.organization === "string" && detail.organization ? detail.organization : "an organization";
  const role = (key: string) => (isOrgRole(detail[key]) ? ROLE_LABELS[detail[key]].toLowerCase() : "another role");
  switch (type) {
    case "org_created":
      return `Created the organization ${org}`;
    case "org_updated":
      return `Updated the settings of ${org}`;
    case "org_deleted":
      return `Deleted the organization ${org}`;
    case "org_member_invited":
      return `Invited someone to ${org} as ${role("role")}`;
    case "org_invitation_resent":
      return `Resent an invitation to ${org}`;
    case "org_invitation_revoked":
      return `Revoked an invitation to ${org}`;
    case "org_invitation_accepted":
      return `Joined ${org} as ${role("role")} (accepted an invitation)`;
    case "org_invitation_declined":
      return `Declined an invitation to ${org}`;
    case "org_member_role_changed":
      return `Changed a member's role in ${org} from ${role("from")} to ${role("role")}`;
    case "org_member_removed":
      return `Removed a member from ${org}`;
    case "org_member_left":
      return `Left ${org}`;
    case "org_ownership_transferred":
      return `Handed ownership of ${org} over to another member`;
    default:
      return null;
  }
}
