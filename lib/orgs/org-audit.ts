import type { AuditContext } from "@/lib/account/audit";
import type { RequestContext } from "@/lib/auth/request-context";

/** Where an organization event is recorded: on the actor, and on the organization (its admins' activity list). */
export const orgAuditCtx = (actorId: string, organizationId: string, ctx: RequestContext): AuditContext => ({
  userId: actorId, organizationId, ip: ctx.ip, userAgent: ctx.userAgent,
});
