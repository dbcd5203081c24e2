import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { ok, type Result } from "@/lib/result";
import { findConsoleOrganization } from "./console-access";
import type { OrgSummary } from "./find-org-access";
import { invitationsOf, type InvitationListItem } from "./list-invitations";
import { membersOf, type MemberListItem } from "./list-members";

export type ConsoleOrganizationDetail = {
  organization: OrgSummary & { createdAt: Date };
  members: MemberListItem[];
  /** Every status, newest first, each with its latest email's outbox status. */
  invitations: InvitationListItem[];
};

/** One organization for the console's page: its members and its invitations (console admins only). */
export async function getOrganizationForConsole(actor: CurrentUser, organizationId: unknown): Promise<Result<ConsoleOrganizationDetail>> {
  const found = await findConsoleOrganization(actor, organizationId);
  if (!found.ok) return found;
  const organization = found.value;
  const [members, invitations] = await Promise.all([membersOf(organization.id, actor.id), invitationsOf(organization.id)]);
  return ok({ organization, members, invitations });
}
