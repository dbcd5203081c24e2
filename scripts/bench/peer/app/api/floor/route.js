// The framework floor of a route handler, for the bench (scripts/bench/floor.ts):
// a POST that reads nothing and answers 200 JSON.
export async function POST() {
  return Response.json({ ok: true });
}
