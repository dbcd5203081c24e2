// The framework floor of `npm run bench -- --peer`: in the same run, on the
// peer's own Next.js app (the same versions as Mailgate), an empty server
// action posted as a browser without JavaScript posts Mailgate's forms
// (answered 303), and an empty route handler (POST → 200 JSON). No server
// action or route handler on this machine answers faster, so the floor
// action over Better Auth's verify is the best verify ratio within reach.
import { getPage, postForm, StepError, type Client } from "./flows";
import { findForm, parseForms, type ParsedForm } from "./forms";
import { runScenario, type ScenarioResult } from "./load";
import { postJson } from "./peer";
import type { Level } from "./side-by-side";
import { fmt, resultCell, table } from "./table";

export const FLOOR_ACTION = "empty server action, no JavaScript (303)";
export const FLOOR_ROUTE = "empty route handler (200)";
const ACTION_FIELD = "$ACTION_ID_";

export type FloorRow = { concurrency: number; action: ScenarioResult; route: ScenarioResult };
/** The best verify ratio a server action could reach: floor action req/s ÷ the peer's verify req/s. */
export type FloorCeiling = { concurrency: number; floorActionReqPerSec: number; peerVerifyReqPerSec: number; ratio: number };

/** GET /floor and its one form: React's hidden `$ACTION_ID_…` field and nothing else to fill in. */
async function loadFloorForm(client: Client): Promise<ParsedForm> {
  const page = await getPage(client, "/floor");
  const field = parseForms(page.html, page.url).flatMap((f) => f.inputNames).find((name) => name.startsWith(ACTION_FIELD));
  // Without the field, findForm throws with the forms it did see.
  const form = findForm(page.html, page.url, field ?? ACTION_FIELD);
  if (form.method !== "POST") throw new Error(`the floor form uses ${form.method}, expected POST`);
  return form;
}

/** The empty server action; success = 303 to /floor. */
async function postFloorAction(client: Client, form: ParsedForm): Promise<{ ms: number }> {
  const { res, ms } = await postForm(client, form, {});
  const location = res.headers.get("location");
  const path = location ? new URL(location, client.origin).pathname : null;
  if (res.status !== 303 || path !== "/floor") throw new StepError(`${res.status}${path ? ` to ${path}` : ""}`);
  return { ms };
}

/** The empty route handler, posted as the peer's JSON endpoints are; success = 200 `{"ok":true}`. */
async function postFloorRoute(origin: string): Promise<{ ms: number }> {
  const { res, text, ms } = await postJson(origin, "/api/floor", {});
  if (res.status !== 200 || text !== '{"ok":true}') throw new StepError(`${res.status}`, text.slice(0, 100));
  return { ms };
}

/** Each level: warm-up, then the action; warm-up, then the route handler. */
export async function measureFloor(o: { origin: string; levels: readonly Level[]; warmup: number; capMs: number; signal: AbortSignal }): Promise<FloorRow[]> {
  const client = (worker: number): Client => ({ origin: o.origin, ip: `198.18.10.${worker + 1}` });
  const form = await loadFloorForm(client(0));
  const jobs = (n: number) => Array.from({ length: n }, (_, i) => i);
  const rows: FloorRow[] = [];
  for (const level of o.levels) {
    if (o.signal.aborted) break;
    console.log(`bench: framework floor, ${level.concurrency} client(s), ${level.requests} requests each…`);
    const measure = async (scenario: string, run: (job: number, worker: number) => Promise<{ ms: number }>) => {
      await runScenario({ scenario: "warm-up", concurrency: Math.min(level.concurrency, o.warmup), jobs: jobs(o.warmup), capMs: o.capMs, run, signal: o.signal });
      return (await runScenario({ scenario, concurrency: level.concurrency, jobs: jobs(level.requests), capMs: o.capMs, run, signal: o.signal })).result;
    };
    const action = await measure(FLOOR_ACTION, (_, worker) => postFloorAction(client(worker), form));
    const route = await measure(FLOOR_ROUTE, () => postFloorRoute(o.origin));
    rows.push({ concurrency: level.concurrency, action, route });
  }
  return rows;
}

/** One ceiling per level that has both the floor and the peer's verify. */
export function floorCeilings(floor: readonly FloorRow[], peerVerify: (concurrency: number) => ScenarioResult | undefined): FloorCeiling[] {
  return floor.flatMap((row) => {
    const verify = peerVerify(row.concurrency);
    if (!verify) return [];
    const floorActionReqPerSec = row.action.reqPerSec;
    const peerVerifyReqPerSec = verify.reqPerSec;
    return [{ concurrency: row.concurrency, floorActionReqPerSec, peerVerifyReqPerSec, ratio: floorActionReqPerSec / Math.max(peerVerifyReqPerSec, 1e-9) }];
  });
}

export function reportFloor(floor: readonly FloorRow[], ceilings: readonly FloorCeiling[], peerName: string, targetRatio: number): void {
  console.log("\nNext.js 16 floor (the peer's app, same run): empty server action posted without JavaScript (303) / empty route handler (200)");
  console.log(table([["clients", FLOOR_ACTION, FLOOR_ROUTE], ...floor.map((row) => [String(row.concurrency), resultCell(row.action), resultCell(row.route)])], [true, false, false]));
  for (const c of ceilings) {
    console.log(
      `  verify ×${c.concurrency}: best verify ratio a server action could reach here = floor action ${fmt(c.floorActionReqPerSec)} req/s ÷ ${peerName} verify ${fmt(c.peerVerifyReqPerSec)} req/s = ${fmt(c.ratio, 2)} (target ${targetRatio}: ${c.ratio >= targetRatio ? "within reach" : "out of reach"})`,
    );
  }
}
