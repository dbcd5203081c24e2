import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
// next-auth imports "next/server" without an extension, which Node's ESM
// loader cannot resolve outside Next; processed by Vite, it resolves (lib/social/store.ts builds provider configs with it).
const inlineDeps = { server: { deps: { inline: ["next-auth"] } } };
const shared = {
  resolve: {
    alias: {
      "@/": root,
      // `server-only` throws outside React Server Components; in tests the
      // lib code runs in plain Node, which is exactly where it belongs.
      "server-only": `${root}tests/setup/empty.ts`,
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          ...inlineDeps,
          name: "unit",
          include: ["lib/**/*.test.ts", "emails/**/*.test.{ts,tsx}", "components/**/*.test.{ts,tsx}"],
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/per-file-db.ts"],
          testTimeout: 20_000,
        },
      },
      {
        ...shared,
        test: {
          ...inlineDeps,
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // On PostgreSQL every file shares one database; one file's saved
          // email connector (the outbox fault test) must not reach another's sends.
          fileParallelism: false,
          globalSetup: ["tests/setup/global-db.ts"],
          setupFiles: ["tests/setup/per-file-db.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
