"use server";
// The framework floor the bench compares Mailgate's server actions against:
// a server action that reads nothing and only redirects (303 to a browser
// without JavaScript). scripts/bench/floor.ts posts it.
import { redirect } from "next/navigation";

export async function floor() {
  redirect("/floor");
}
