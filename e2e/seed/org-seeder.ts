// Organization requests of the e2e seeder (e2e/seed/seeder.ts), in its
// process: imported only after the seeder has loaded the instance's env.
import { randomUUID } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { createOrganization } from "@/lib/orgs/create-organization";
import { inviteMembers } from "@/lib/orgs/invite-members";
import { revokeInvitation } from "@/lib/orgs/revoke-invitation";
import type { Result } from "@/lib/result";
import { updateSettings } from "@/lib/settings/get-settings";
import type { OrgSeedRequest, SeedAnswer } from "./protocol";

type Answer = Omit<Extract<SeedAnswer, { ok: true }>, "n" | "ok">;

/** The account as a signed-in actor: lib/orgs asks for a CurrentUser (no page session: none is switched). */
async function actor(userId: string): Promise<CurrentUser> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, name: true } });
  return { ...user, sessionId: `seed-${randomUUID()}` };
}

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} refused: ${result.code} ${result.formError ?? JSON.stringify(result.fieldErrors)}`);
  return result.value;
}

/** The one invitation of `slug` to `email` that is still pending. */
async function pendingInvitation(slug: string, email: string) {
  return db.invitation.findFirstOrThrow({ where: { organization: { slug }, email, status: "pending" }, select: { id: true } });
}

export async function seedOrg(request: OrgSeedRequest): Promise<Answer> {
  switch (request.op) {
    case "organization": {
      const org = unwrap(await createOrganization(await actor(request.ownerId), { name: request.name, slug: request.slug }, request.ctx), "createOrganization");
      return { slug: org.slug };
    }
    case "invite": {
      const { outcomes } = unwrap(await inviteMembers(await actor(request.actorId), request.slug, { emails: request.email, role: request.role }, request.ctx), "inviteMembers");
      return { status: outcomes[0]?.status };
    }
    case "revoke": {
      const { id } = await pendingInvitation(request.slug, request.email);
      unwrap(await revokeInvitation(await actor(request.actorId), request.slug, id, request.ctx), "revokeInvitation");
      return {};
    }
    case "expire": {
      // Time does this in a week; nothing in the app writes "expired" (lib/orgs/invitation-rules.ts).
      const { id } = await pendingInvitation(request.slug, request.email);
      await db.invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
      return {};
    }
    case "emailFactor":
      // What turning on email codes at /account/security leaves behind.
      await db.mfaFactor.create({ data: { id: randomUUID(), userId: request.userId, type: "email", confirmedAt: new Date() } });
      return {};
    case "signUpMode":
      await updateSettings({ signInExperience: { signUp: { emailPassword: true, mode: request.mode } } });
      return {};
  }
}
