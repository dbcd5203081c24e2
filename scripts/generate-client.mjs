// postinstall: generate both Prisma clients (SQLite and PostgreSQL). Quiet
// unless it fails: Prisma's notes about its config file are not news at install.
import { execFileSync } from "node:child_process";
import { writePostgresSchema, SQLITE_SCHEMA, PG_SCHEMA } from "./schemas.mjs";

writePostgresSchema();
for (const schema of [SQLITE_SCHEMA, PG_SCHEMA]) {
  try {
    execFileSync("node_modules/.bin/prisma", ["generate", "--schema", schema], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ""}${error.stderr ?? ""}`);
    console.error(`mailgate: prisma generate failed for ${schema}`);
    process.exit(1);
  }
}
