import { writeFileSync } from "node:fs";
import { Agent } from "node:http";
import { randomInt } from "node:crypto";
import type { Browser } from "@playwright/test";
import { expect, SUITE_BROWSER, test, uniqueEmail, uniquePassword } from "./fixtures";
import { startApp, type AppInstance } from "./app-instance";
import { PORTS } from "./ports";
import { closeSeeder } from "./seed/seeders";
import { usersOf, type Users, type UserWithPassword } from "./seed/users";
import { actionCase } from "./fuzz/action-cases";
import { readBuild } from "./fuzz/build-info";
import { routeCase, type FuzzCase, type Target } from "./fuzz/cases";
import { seededRandom } from "./fuzz/random";
import { curlCommand, sendCase, type Outcome } from "./fuzz/send";

/*
 * Malformed requests never get a 5xx. A few thousand seeded cases against
 * a private instance of the production build (its own database: the run
 * trips per-IP limits the other specs rely on), signed out and signed in as
 * an admin and a member. Replay a run with FUZZ_SEED=<seed>; FUZZ_CASES
 * changes the count. Every failing case is printed as a curl command.
 */
const SEED = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31));
const CASES = Number(process.env.FUZZ_CASES ?? 3000);
const CONCURRENCY = 8;

test.describe.configure({ mode: "serial" });

let app: AppInstance;
const admin = { email: uniqueEmail("fuzz-admin"), password: uniquePassword() };
const member = { email: uniqueEmail("fuzz-member"), password: uniquePassword() };

test.beforeAll(async () => {
  app = await startApp({ port: PORTS.fuzz, database: { sqlite: "e2e-fuzz.db" }, env: { ADMIN_EMAILS: admin.email } });
});
test.afterAll(async () => app?.stop());

/** A session cookie for `who`, an account made in the instance's database. */
async function sessionCookie(browser: Browser, users: Users, who: UserWithPassword): Promise<string> {
  const context = await browser.newContext({ baseURL: app.url });
  await users.signIn(await context.newPage(), who);
  const cookies = await context.cookies();
  await context.close();
  return cookies.filter((c) => c.name.startsWith("authjs.")).map((c) => `${c.name}=${c.value}`).join("; ");
}

type Failure = { fuzzCase: FuzzCase; outcome: Outcome };

async function runAll(cases: FuzzCase[], origin: string): Promise<{ failures: Failure[]; statuses: Map<string, number> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const failures: Failure[] = [];
  const statuses = new Map<string, number>();
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const fuzzCase = cases[next++]!;
      const outcome = await sendCase(origin, fuzzCase, agent);
      const key = `${fuzzCase.kind} ${outcome.status ?? "no answer"}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      if (outcome.status === null || outcome.status >= 500) failures.push({ fuzzCase, outcome });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  return { failures, statuses };
}

function report(failures: Failure[], origin: string): string {
  const groups = new Map<string, number>();
  for (const { fuzzCase, outcome } of failures) {
    const key = `${outcome.status ?? outcome.error} ${fuzzCase.kind} ${fuzzCase.about}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const lines = [`${failures.length} case(s) got a 5xx or no answer (seed ${SEED}; replay with FUZZ_SEED=${SEED}):`];
  for (const [key, count] of [...groups].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(count).padStart(4)} × ${key}`);
  lines.push("First failing cases:");
  for (const { fuzzCase, outcome } of failures.slice(0, 12)) {
    lines.push(`  [${outcome.status ?? outcome.error}] ${fuzzCase.kind} ${fuzzCase.about}`, `    ${curlCommand(origin, fuzzCase).slice(0, 1500)}`);
  }
  return lines.join("\n");
}

test("no malformed request gets a 5xx", async ({ browser }) => {
  test.setTimeout(240_000);
  const users = usersOf({ baseURL: app.url, databaseUrl: app.databaseUrl }, SUITE_BROWSER);
  // The admin first, so it is the owner too, as the first sign-up would be.
  const accounts = [await users.create(admin), await users.create(member)];
  const sessions = ["", await sessionCookie(browser, users, accounts[0]!), await sessionCookie(browser, users, accounts[1]!)];
  await closeSeeder(app.databaseUrl);
  const build = readBuild();
  const target: Target = { origin: app.url, pages: build.pages, apis: build.apis, sessions };
  const random = seededRandom(SEED);
  const cases = Array.from({ length: CASES }, () => (random.chance(0.45) ? routeCase(random, target) : actionCase(random, build.actions, target)));

  console.log(`fuzz: seed ${SEED}, ${cases.length} cases, ${build.pages.length} pages, ${build.apis.length} routes, ${build.actions.length} actions`);
  const started = Date.now();
  const { failures, statuses } = await runAll(cases, app.url);
  console.log(`fuzz: ${((Date.now() - started) / 1000).toFixed(1)} s; answers by kind:`);
  for (const kind of new Set(cases.map((c) => c.kind))) {
    const counts = [...statuses].filter(([key]) => key.startsWith(`${kind} `)).sort();
    console.log(`  ${kind}: ${counts.map(([key, count]) => `${key.slice(kind.length + 1)}×${count}`).join(" ")}`);
  }
  test.info().annotations.push({ type: "fuzz seed", description: String(SEED) });
  if (failures.length > 0) {
    // Every failing case in full, and what the server logged, for whoever fixes them.
    const file = test.info().outputPath("fuzz-failures.jsonl");
    writeFileSync(file, failures.map(({ fuzzCase, outcome }) => JSON.stringify({ ...fuzzCase, body: fuzzCase.body?.toString("base64"), outcome })).join("\n"));
    writeFileSync(test.info().outputPath("server.log"), app.output());
    console.log(`fuzz: failing cases written to ${file}`);
  }
  expect(failures.length, report(failures, app.url)).toBe(0);
});
