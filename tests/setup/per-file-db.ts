import { copyFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";

// Runs before each test file imports lib/env: every SQLite test file gets its
// own copy of the migrated template, so files never see each other's rows.
const template = inject("sqliteTemplate");
if (template) {
  const copy = template.replace(/template\.db$/, `${randomBytes(6).toString("hex")}.db`);
  copyFileSync(template, copy);
  process.env.DATABASE_URL = `file:./${copy}`;
} else {
  process.env.DATABASE_URL = inject("databaseUrl");
}
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.APP_URL ??= "http://127.0.0.1:3000";
process.env.EMAIL_CONNECTOR = "dev";
