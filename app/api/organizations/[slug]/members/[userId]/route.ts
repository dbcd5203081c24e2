import { apiRoute } from "@/lib/api/route";
import { noBody } from "@/lib/api/input";
import { json, noContent, respond } from "@/lib/api/response";
import { roleBody } from "@/lib/orgs/api-schemas";
import { changeMemberRole } from "@/lib/orgs/change-member-role";
import { removeMember } from "@/lib/orgs/remove-member";

const params = ["slug", "userId"] as const;

/** PATCH /api/organizations/{slug}/members/{userId} {role} → {userId, role}. */
export const PATCH = apiRoute({ params, body: roleBody }, async ({ user, ctx, params: { slug, userId }, body }) =>
  respond(await changeMemberRole(user, slug, userId, body.role, ctx), (changed) => json(changed)),
);

/** DELETE /api/organizations/{slug}/members/{userId} → 204 (to leave yourself, POST …/leave). */
export const DELETE = apiRoute({ params, body: noBody }, async ({ user, ctx, params: { slug, userId } }) =>
  respond(await removeMember(user, slug, userId, ctx), noContent),
);
