import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// No locale in the URL: lib/i18n/request.ts resolves it per request (saved choice, cookie, Accept-Language).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "nodemailer", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg"],
};

export default withNextIntl(nextConfig);
