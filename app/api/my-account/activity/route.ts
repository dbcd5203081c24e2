import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/response";
import { listEvents } from "@/lib/account/audit";

/** GET /api/my-account/activity?limit=50 → {events}, newest first (at most 200). */
export const GET = apiRoute(async ({ user, request }) => {
  const limit = Number(new URL(request.url).searchParams.get("limit") ?? 50);
  return json({ events: await listEvents(user.id, Number.isFinite(limit) ? limit : 50) });
});
