// The PostgreSQL schema is derived from prisma/schema.prisma (SQLite) so the
// data model is written once. Both clients are generated: the client's query
// compiler is provider-specific, and lib/db.ts picks one at run time.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const PG_SCHEMA = "prisma/postgresql/schema.prisma";

export function writePostgresSchema() {
  const source = readFileSync(SQLITE_SCHEMA, "utf8");
  const pg = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./ignored.db"', 'url      = "postgresql://ignored@127.0.0.1/ignored"')
    .replace('output       = "../generated/sqlite"', 'output       = "../../generated/postgresql"');
  if (pg === source) throw new Error("could not derive the PostgreSQL schema");
  mkdirSync("prisma/postgresql", { recursive: true });
  const header = "// GENERATED from prisma/schema.prisma by scripts/schemas.mjs. Do not edit.\n";
  writeFileSync(PG_SCHEMA, header + pg);
}
