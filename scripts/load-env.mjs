// Scripts run outside Next.js, which is what normally reads .env files.
// Same order of precedence as Next: real env > .env.local > .env.
import { existsSync } from "node:fs";

export function loadEnvFiles() {
  for (const file of [".env.local", ".env"]) {
    if (existsSync(file)) process.loadEnvFile(file);
  }
}

export const DEFAULT_DATABASE_URL = "file:./.data/mailgate.db";
export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//.test(url);
