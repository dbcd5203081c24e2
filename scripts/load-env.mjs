// Scripts run outside Next.js, which is what normally reads .env files.
// Same files and precedence as Next: real env > .env.<mode>.local >
// .env.local > .env.<mode> > .env, mode from NODE_ENV (development unless set).
import { existsSync } from "node:fs";

export function loadEnvFiles() {
  const mode = process.env.NODE_ENV === "production" ? "production" : process.env.NODE_ENV === "test" ? "test" : "development";
  const files = [`.env.${mode}.local`, mode === "test" ? null : ".env.local", `.env.${mode}`, ".env"];
  for (const file of files) {
    if (file && existsSync(file)) process.loadEnvFile(file);
  }
}

export const DEFAULT_DATABASE_URL = "file:./.data/mailgate.db";
export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//.test(url);
