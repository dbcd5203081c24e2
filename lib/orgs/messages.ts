import { failWith, type Failure } from "@/lib/errors/failure";
import type { OrgAction } from "./permissions";

/**
 * The failures organizations share. A non-member and a missing organization
 * get the same answer (ORG_NOT_FOUND): the 404 must not tell them apart.
 */
export const ORG_NOT_FOUND = "We couldn't find that organization.";
export const MEMBER_NOT_FOUND = "That person isn't a member of this organization.";
export const INVITATION_NOT_FOUND = "We couldn't find that invitation.";

const REFUSALS: Record<OrgAction, string> = {
  view_members: "Only members can see this organization.",
  invite: "Only owners and admins can invite people.",
  revoke_invitation: "Only owners and admins can revoke invitations.",
  resend_invitation: "Only owners and admins can resend invitations.",
  view_invitations: "Only owners and admins can see invitations.",
  change_role: "Only owners and admins can change roles.",
  remove_member: "Only owners and admins can remove members.",
  update_settings: "Only owners and admins can change the organization's settings.",
  delete_organization: "Only an owner can delete the organization.",
  transfer_ownership: "Only an owner can hand ownership over.",
  view_audit: "Only owners and admins can see the organization's activity.",
  leave: "You can't leave this organization.",
};

export const orgNotFound = (): Failure => failWith("not_found", ORG_NOT_FOUND);
export const refused = (action: OrgAction): Failure => failWith("forbidden", REFUSALS[action]);
export const ADMIN_CANNOT_TOUCH_OWNER = "Only an owner can change or remove another owner.";
export const CANNOT_GRANT = "You can't give that role. Only an owner can make someone an owner.";
