// `npm run db:new-migration -- <name>`: writes a migration for SQLite and for
// PostgreSQL from the change between the last migrated schema snapshot and
// prisma/schema.prisma. A schema-to-schema diff needs no database (the
// `migrate dev` shadow-database route does not work with driver adapters).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync, readFileSync } from "node:fs";
import { writePostgresSchema } from "./schemas.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const SNAPSHOT = "prisma/.migrated-schema.prisma";
writePostgresSchema();
const pgSnapshot = "prisma/postgresql/.migrated-schema.prisma";
const prev = readFileSync(SNAPSHOT, "utf8");
writeFileSync(pgSnapshot, prev.replace('provider = "sqlite"', 'provider = "postgresql"').replace('"file:./ignored.db"', '"postgresql://ignored@127.0.0.1/ignored"'));

for (const [from, to, dir] of [
  [SNAPSHOT, "prisma/schema.prisma", "prisma/migrations"],
  [pgSnapshot, "prisma/postgresql/schema.prisma", "prisma/postgresql/migrations"],
]) {
  const sql = execFileSync("node_modules/.bin/prisma", ["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], { encoding: "utf8" });
  mkdirSync(`${dir}/${stamp}_${name}`, { recursive: true });
  writeFileSync(`${dir}/${stamp}_${name}/migration.sql`, sql);
  console.log(`wrote ${dir}/${stamp}_${name}/migration.sql`);
}
copyFileSync("prisma/schema.prisma", SNAPSHOT);
