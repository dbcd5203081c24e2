import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { consoleMetadata } from "@/components/console/console-metadata";
import { requireAdmin } from "@/lib/auth/admin";

export const generateMetadata = (): Promise<Metadata> => consoleMetadata("console");

export default async function ConsoleHome() {
  await requireAdmin();
  redirect("/console/connectors");
}
