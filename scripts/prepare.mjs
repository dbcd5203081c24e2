// Runs before dev, build, start and the e2e tests so a fresh clone needs no
// set-up: it creates .env.local with a generated AUTH_SECRET, the SQLite data
// folder, and applies the committed migrations to DATABASE_URL.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_URL, isPostgresUrl, loadEnvFiles } from "./load-env.mjs";

function ensureSecret() {
  const local = existsSync(".env.local") ? readFileSync(".env.local", "utf8") : "";
  if (process.env.AUTH_SECRET || /^AUTH_SECRET=/m.test(local)) return;
  const secret = randomBytes(32).toString("base64url");
  appendFileSync(".env.local", `${local && !local.endsWith("\n") ? "\n" : ""}# Generated on first run; keep it secret, keep it stable.\nAUTH_SECRET=${secret}\n`);
  console.log("mailgate: generated AUTH_SECRET in .env.local");
}

export function migrate(databaseUrl) {
  if (!isPostgresUrl(databaseUrl)) mkdirSync(".data", { recursive: true });
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (!isPostgresUrl(databaseUrl)) enableWal(databaseUrl.replace(/^file:/, ""));
}

// WAL lets readers and a writer (e.g. `next start` plus `npm run bench` or a
// second instance) use the file at once; the mode is stored in the file.
function enableWal(file) {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
}

ensureSecret();
loadEnvFiles();
const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
migrate(url);
console.log(`mailgate: database ready (${isPostgresUrl(url) ? "PostgreSQL" : url})`);
