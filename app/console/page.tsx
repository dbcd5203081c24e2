import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/admin";

export default async function ConsoleHome() {
  await requireAdmin();
  redirect("/console/connectors");
}
