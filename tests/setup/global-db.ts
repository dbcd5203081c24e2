import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import pg from "pg";
import Database from "better-sqlite3";
import type { TestProject } from "vitest/node";

/**
 * One migrated database per test run, made with the same `prisma migrate
 * deploy` the app uses. SQLite: a template file each test file copies.
 * PostgreSQL (DATABASE_URL=postgresql://…): a fresh database, dropped after.
 */
declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    sqliteTemplate: string | null;
  }
}

function migrate(url: string) {
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}

export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (base && /^postgres(ql)?:\/\//.test(base)) {
    const name = `mailgate_test_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    migrate(url.toString());
    project.provide("databaseUrl", url.toString());
    project.provide("sqliteTemplate", null);
    return async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const dir = `.data/test-${process.pid}`;
  mkdirSync(dir, { recursive: true });
  const template = `${dir}/template.db`;
  migrate(`file:./${template}`);
  // The migration may leave its writes in the WAL file; fold them into the
  // main file so that copying the file copies the schema.
  const sqlite = new Database(template);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  project.provide("databaseUrl", `file:./${template}`);
  project.provide("sqliteTemplate", template);
  return () => rmSync(dir, { recursive: true, force: true });
}

