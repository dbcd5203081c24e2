import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getCurrentUser, type CurrentUser } from "./current-user";

/**
 * Who may use the console: the owner (the first account ever created, by
 * creation time) and the addresses in ADMIN_EMAILS. Derived, not stored, so
 * there is no "first user" race to win and nothing to migrate.
 */
export async function getOwnerId(): Promise<string | null> {
  const first = await db.user.findFirst({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  return first?.id ?? null;
}

export async function isAdmin(user: { id: string; email: string }): Promise<boolean> {
  if (env.ADMIN_EMAILS.includes(user.email.toLowerCase())) return true;
  return (await getOwnerId()) === user.id;
}

/**
 * For console pages and actions: the signed-in admin, or a 404 for anyone
 * else, so the console's existence is not advertised to non-admins.
 */
export const requireAdmin = cache(async (): Promise<CurrentUser> => {
  const user = await getCurrentUser();
  if (!user || !(await isAdmin(user))) notFound();
  return user;
});
