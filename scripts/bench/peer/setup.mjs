// Creates Better Auth's tables and the bench users (one address per line on stdin).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { getMigrations } from "better-auth/db/migration";

const { auth } = await import("./lib/auth.js");
const { runMigrations } = await getMigrations(auth.options);
await runMigrations();
const emails = readFileSync(0, "utf8").split("\n").filter(Boolean);
const db = new Database(process.env.PEER_DB);
const now = new Date().toISOString();
const insert = db.prepare(`INSERT INTO "user" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt") VALUES (?, ?, ?, 1, ?, ?)`);
db.transaction(() => {
  for (const [i, email] of emails.entries()) insert.run(randomUUID(), `Bench user ${i}`, email, now, now);
})();
db.close();
console.log(`peer: ${emails.length} users`);
