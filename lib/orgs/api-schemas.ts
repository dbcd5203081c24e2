import { z } from "zod";
import { idText, limitParam, text } from "@/lib/api/input";
import type { InvitationStatus } from "./invitation-rules";
import type { OrgAccess } from "./find-org-access";
import { ORG_ROLES } from "./permissions";

/**
 * The shapes the organizations JSON API (app/api/organizations/**,
 * app/api/my-account/invitations/**) accepts, checked before the lib
 * functions run; those still check the meaning (a reserved or taken slug,
 * an invalid address, who may grant which role). Bodies are strict: an
 * unknown field is refused rather than silently ignored.
 */
const role = z.enum(ORG_ROLES, { error: "Choose owner, admin or member." });

/** POST /api/organizations. `logoUrl`: "" or null for none. */
export const createOrganizationBody = z.strictObject({
  name: text(200).optional(),
  slug: text(100).optional(),
  logoUrl: text(1000).nullable().optional(),
});

/** PATCH /api/organizations/{slug}: fields left out keep their value. */
export const updateOrganizationBody = createOrganizationBody;

/** DELETE /api/organizations/{slug}: the organization's name, typed (with X-Verification-Id). */
export const deleteOrganizationBody = z.strictObject({ name: text(200).optional() });

export const roleBody = z.strictObject({ role });

export const transferBody = z.strictObject({ userId: idText() });

/** One text (addresses separated by commas, spaces or new lines) or a list; the lib allows 20 per request. */
export const inviteBody = z.strictObject({
  emails: z.union([text(10_000), z.array(text(320)).max(100, "Send at most 100 addresses.")], { error: "A string or a list of strings." }),
  role,
});

export const activeOrganizationBody = z.strictObject({ slug: text(100) });

const STATUSES = ["pending", "expired", "accepted", "declined", "revoked"] as const satisfies readonly InvitationStatus[];

export const invitationsQuery = z.object({
  status: z.enum(STATUSES, { error: `One of ${STATUSES.join(", ")}.` }).optional(),
  limit: limitParam(200, 500),
});

export const activityQuery = z.object({ limit: limitParam(100, 500) });

/** An organization as the API shows it to a member: the organization, their role, and when they joined. */
export const orgJson = ({ organization, role, joinedAt }: OrgAccess) => ({ ...organization, role, joinedAt });
