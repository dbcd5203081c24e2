import { randomBytes } from "node:crypto";
import type { RequestContext } from "@/lib/auth/request-context";
import { seederFor } from "./seeders";
import type { Instance, SeededUser } from "./users";

type Role = "owner" | "admin" | "member";
export type SeededOrg = { slug: string; name: string };

/**
 * Organizations and invitations on `instance`, made by the app's own lib
 * functions in the seeder process (e2e/seed/org-seeder.ts), which sends the
 * invitation email to the SMTP sink as the instance would. For specs about
 * the invitee's side: the admin's pages are not what they test.
 */
export function orgsOf(instance: Instance, ctx: RequestContext) {
  const seeder = seederFor(instance.databaseUrl, instance.env);
  return {
    async create(owner: SeededUser, name = "Acme Research"): Promise<SeededOrg> {
      const slug = `e2e-${randomBytes(5).toString("hex")}`;
      await seeder.request({ op: "organization", ownerId: owner.id, name, slug, ctx });
      return { slug, name };
    },
    /** Invites one address; the outcome ("invited", "resent", …). */
    async invite(admin: SeededUser, org: SeededOrg, email: string, role: Role = "member"): Promise<string> {
      return (await seeder.request({ op: "invite", actorId: admin.id, slug: org.slug, email, role, ctx })).status ?? "";
    },
    async revoke(admin: SeededUser, org: SeededOrg, email: string): Promise<void> {
      await seeder.request({ op: "revoke", actorId: admin.id, slug: org.slug, email, ctx });
    },
    /** As if its week had passed. */
    async expire(org: SeededOrg, email: string): Promise<void> {
      await seeder.request({ op: "expire", slug: org.slug, email });
    },
    /** Email codes as the account's second step. */
    async addEmailFactor(user: SeededUser): Promise<void> {
      await seeder.request({ op: "emailFactor", userId: user.id });
    },
    async setSignUpMode(mode: "open" | "invitation"): Promise<void> {
      await seeder.request({ op: "signUpMode", mode });
    },
  };
}

export type Orgs = ReturnType<typeof orgsOf>;
