// postinstall: generate both Prisma clients (SQLite and PostgreSQL).
import { execFileSync } from "node:child_process";
import { writePostgresSchema, SQLITE_SCHEMA, PG_SCHEMA } from "./schemas.mjs";

writePostgresSchema();
for (const schema of [SQLITE_SCHEMA, PG_SCHEMA]) {
  execFileSync("node_modules/.bin/prisma", ["generate", "--schema", schema], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
