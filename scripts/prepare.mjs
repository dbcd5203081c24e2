// Runs before dev, build, start and the e2e tests so a fresh clone needs no
// set-up: it creates .env.local with a generated AUTH_SECRET, the SQLite data
// folder, and applies the committed migrations to DATABASE_URL. A bad
// configuration or an unreachable database ends it with one line per
// problem and exit code 1 (`--production`: read the production .env files).
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { tsImport } from "tsx/esm/api";
import { isPostgresUrl, loadEnvFiles } from "./load-env.mjs";

function ensureSecret() {
  const local = existsSync(".env.local") ? readFileSync(".env.local", "utf8") : "";
  if (process.env.AUTH_SECRET || /^AUTH_SECRET=/m.test(local)) return;
  const secret = randomBytes(32).toString("base64url");
  appendFileSync(".env.local", `${local && !local.endsWith("\n") ? "\n" : ""}# Generated on first run; keep it secret, keep it stable.\nAUTH_SECRET=${secret}\n`);
  console.log("mailgate: generated AUTH_SECRET in .env.local");
}

/** One line saying why the database cannot be used, or null. */
async function databaseProblem(databaseUrl) {
  if (!isPostgresUrl(databaseUrl)) {
    const file = databaseUrl.replace(/^file:/, "");
    try {
      mkdirSync(dirname(file), { recursive: true });
      return null;
    } catch (error) {
      return `DATABASE_URL: cannot create the folder for ${file} (${error.code ?? error.message})`;
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  client.on("error", () => {}); // a drop after the check is not this script's concern
  try {
    await client.connect();
    return null;
  } catch (error) {
    const { hostname, port } = new URL(databaseUrl);
    return `DATABASE_URL: cannot connect to PostgreSQL at ${hostname}:${port || 5432} (${error.code ?? error.message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

export function migrate(databaseUrl) {
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    // Prisma's chatter ("Loaded Prisma config…") only matters when it fails.
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (!isPostgresUrl(databaseUrl)) enableWal(databaseUrl.replace(/^file:/, ""));
}

// WAL lets readers and a writer (e.g. the app plus `npm run bench` or a
// second instance) use the file at once; the mode is stored in the file.
function enableWal(file) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
}

/** Prisma's own words for a failed migration, without its stack: the lines that say what went wrong. */
function migrationProblem(error) {
  const output = `${error.stdout ?? ""}\n${error.stderr ?? ""}`;
  const lines = output.split("\n").map((l) => l.trim()).filter((l) => l && !/^(at |Loaded Prisma config|Prisma config detected|Prisma schema loaded|Datasource )/.test(l));
  const reason = lines.find((l) => /^Error:|^P\d{4}/.test(l)) ?? lines.at(-1) ?? error.message;
  return `DATABASE_URL: migrations could not be applied: ${reason}`;
}

if (process.argv.includes("--production")) process.env.NODE_ENV ??= "production";
ensureSecret();
loadEnvFiles();
const { exitWith, loadEnvOrExit } = await tsImport("../lib/server/load-env-or-exit.ts", import.meta.url);
const { DATABASE_URL: url } = await loadEnvOrExit();
const problem = await databaseProblem(url);
if (problem) exitWith([problem]);
try {
  migrate(url);
} catch (error) {
  exitWith([migrationProblem(error)]);
}
console.log(`mailgate: database ready (${isPostgresUrl(url) ? "PostgreSQL" : url})`);
